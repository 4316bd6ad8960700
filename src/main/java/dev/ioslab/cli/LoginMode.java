package dev.ioslab.cli;

/** How a Telnet line asks for credentials, from the device's {@code line vty} configuration. */
public enum LoginMode {
    /** {@code login local}: {@code Username:} then {@code Password:}, checked against local users. */
    LOCAL,
    /** {@code login} with {@code password x}: only {@code Password:}, checked against the line password. */
    LINE_PASSWORD,
    /** {@code login} without a password: IOS prints {@code Password required, but none set} and closes. */
    LINE_PASSWORD_NOT_SET,
    /** {@code no login}: straight to the prompt at privilege 1. */
    NONE
}
