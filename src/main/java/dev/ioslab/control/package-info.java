/**
 * The lab control API: an HTTP/JSON server on Netty's HTTP codec under {@code /api/v1} (device lifecycle, fault plans,
 * the event stream, Prometheus {@code /metrics}) and the {@code ctl} command-line client. It reaches the rack only
 * through interfaces the daemon hands it and implements the fault seams other packages declare. Threading: requests
 * are parsed and answered on the shared Netty event loops; handlers never block (slow work completes a future), and
 * event streams drop what a slow reader cannot take rather than hold a device back.
 */
package dev.ioslab.control;
