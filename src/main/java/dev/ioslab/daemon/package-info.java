/**
 * The composition root: command-line entry point, configuration to running rack, start and stop order.
 * Threading: the main thread starts the rack and then waits; the shutdown hook stops it. Everything else runs on
 * the shared event loops and executors created here.
 */
package dev.ioslab.daemon;
