/**
 * The daemon's configuration: the YAML model of {@code conf/ioslab.yaml} as immutable records, its loading,
 * template expansion and validation with field-precise errors ({@link dev.ioslab.config.ConfigLoader}).
 *
 * <p>Threading: the configuration is loaded once, on the main thread at start, before anything else is built;
 * afterwards every record is immutable (lists are unmodifiable copies) and may be shared freely between threads.
 * Nothing here imports another ioslab package: the daemon turns these records into devices and servers.
 */
package dev.ioslab.config;
