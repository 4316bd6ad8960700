/**
 * Interface configuration commands ({@code interface X} sub-mode), one class each.
 * Threading: run under the session's lock; interface state is guarded by the running configuration.
 */
package dev.ioslab.commands.iface;
