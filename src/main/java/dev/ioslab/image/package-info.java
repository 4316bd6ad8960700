/**
 * Software images: for now the {@link dev.ioslab.image.VerificationPool}, the one bounded pool that every device
 * shares for CPU work on images (hashing, later signature checks). Nothing here imports the CLI; callers receive
 * {@link java.util.concurrent.CompletableFuture}s and never block an I/O thread on them.
 */
package dev.ioslab.image;
