/**
 * {@code ioslab ctl}: the lab control API from a shell (picocli subcommands over {@link java.net.http.HttpClient}).
 * It talks to a running daemon over HTTP only and shares no state with it. Threading: one command per process, run on
 * the caller's thread; a followed event stream blocks that thread until the server or the user ends it.
 */
package dev.ioslab.control.ctl;
