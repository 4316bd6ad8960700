package dev.ioslab.device;

/** {@code login block-for S attempts N within W}: N failed logins within W seconds start S seconds of quiet mode. */
public record LoginBlock(int blockSeconds, int attempts, int withinSeconds) {
}
