/**
 * The command set: registers every command of every mode in one catalog.
 * Threading: built once at start-up, then read-only.
 */
package dev.ioslab.commands;
