package dev.ioslab.fs;

/**
 * A parsed IOS URL: a place in one of the device's own file systems ({@link LocalUrl}) or on a remote server
 * ({@link RemoteUrl}). Built by {@link IosUrlParser}. {@code toString()} of every implementation equals
 * {@link #maskedDisplay()}, so a URL can be logged as is. Immutable.
 */
public sealed interface IosUrl permits LocalUrl, RemoteUrl {

    /** The URL without any credentials, as IOS prints it in {@code Accessing ftp://192.168.1.170/file...}. */
    String display();

    /** The URL with credentials replaced by {@code *:*@}, as IOS XE prints it in {@code %Error} lines. */
    String maskedDisplay();

    /** The last path component, the default of {@code Destination filename [x]?}; empty when there is none. */
    String baseName();
}
