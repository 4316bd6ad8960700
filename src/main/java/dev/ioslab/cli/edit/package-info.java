/**
 * Push-driven line editor for the IOS CLI: {@link dev.ioslab.cli.edit.KeyDecoder} turns the raw bytes a front end
 * receives into {@link dev.ioslab.cli.edit.Key keys}, and {@link dev.ioslab.cli.edit.LineEditor} turns keys into an
 * edited line with IOS-exact echo, backed by a per-session {@link dev.ioslab.cli.edit.History}.
 *
 * <p>Threading: nothing here is thread-safe and nothing blocks; each CLI session owns one decoder, one editor and one
 * history and calls them one at a time (from whichever I/O thread currently serves the session).
 */
package dev.ioslab.cli.edit;
