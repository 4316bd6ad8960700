/**
 * The IOS command engine, with no concrete commands: modes, syntax trees, keyword matching (exact, then unique
 * prefix, else ambiguous), {@code ?} help, errors with caret, output filters, the pager and type-ahead; every
 * command run is published to the device's events (credentials masked). Planned login refusals and output delays
 * arrive through the {@link dev.ioslab.cli.SessionFaults} seam it declares.
 * Threading: a session serialises all its work on its own monitor and never blocks; commands that wait return
 * futures, which may complete on any thread.
 */
package dev.ioslab.cli;
