/**
 * Line configuration commands ({@code line vty 0 4} sub-mode), one class each.
 * Threading: run under the session's lock; line state is guarded by the running configuration.
 */
package dev.ioslab.commands.line;
