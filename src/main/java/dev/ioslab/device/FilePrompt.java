package dev.ioslab.device;

/** {@code file prompt alert|noisy|quiet}: how much copy, delete and rename ask (reference §5.6). */
public enum FilePrompt {
    ALERT, NOISY, QUIET
}
