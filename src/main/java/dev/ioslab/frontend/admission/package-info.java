/**
 * Admission of connections before they log in, shared by the SSH and Telnet front ends: the daemon's descriptor
 * budget ({@link dev.ioslab.frontend.admission.DescriptorBudget}), the caps on connections that have not logged in yet,
 * daemon-wide and per source address ({@link dev.ioslab.frontend.admission.ConnectionAdmission}), and the summary log
 * that counts refused and reset connections instead of logging each ({@link
 * dev.ioslab.frontend.admission.ConnectionLog}).
 *
 * <p>Threading: every class here is thread-safe and never blocks; front ends call it on their I/O threads at accept.
 */
package dev.ioslab.frontend.admission;
