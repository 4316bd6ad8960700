/**
 * Global configuration commands, one class each, changing the device's running configuration.
 * Threading: run under the session's lock; the running configuration has its own lock for other sessions.
 */
package dev.ioslab.commands.config;
