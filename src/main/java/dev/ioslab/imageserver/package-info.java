/**
 * The daemon's image repository: an FTP server ({@code imageserver.ftp}) and a TFTP server ({@code imageserver.tftp})
 * over the same folders, and what both need, such as {@link dev.ioslab.imageserver.LogText}.
 *
 * <p>Threading: see each server's package; what lives here is stateless.
 */
package dev.ioslab.imageserver;
