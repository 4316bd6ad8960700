/**
 * Software images: the signed image format (payload, CMS envelope, trailer; docs/image-format.md), its verifier, the
 * lab PKI and image signer, each device's key storage and software-authenticity state, and the
 * {@link dev.ioslab.image.VerificationPool}, the one bounded, fair pool every device shares for hashing and signature
 * checks. Nothing here imports the CLI; callers receive {@link java.util.concurrent.CompletableFuture}s and never
 * block an I/O thread on them, and key storage writes are blocking file I/O for a worker thread.
 */
package dev.ioslab.image;
