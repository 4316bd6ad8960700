/**
 * Exec-mode commands ({@code show ...}, {@code enable}, {@code write}, {@code copy} ...), one class each.
 * Threading: a command runs under its session's lock on the caller's thread and must not block; slow work goes
 * to an executor and completes the command's future.
 */
package dev.ioslab.commands.exec;
