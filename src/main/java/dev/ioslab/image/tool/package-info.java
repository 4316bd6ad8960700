/**
 * The lab signing tool: the {@code keygen}, {@code sign} and {@code check} subcommands of {@code ioslab.jar}
 * (picocli), thin front ends over {@link dev.ioslab.image.LabPki}, {@link dev.ioslab.image.ImageSigner} and the
 * {@link dev.ioslab.image.VerificationPool}. Each runs once on the main thread of its own process and prints to the
 * picocli output streams; nothing here runs inside the daemon.
 */
package dev.ioslab.image.tool;
