package dev.ioslab.daemon;

import dev.ioslab.config.ConnectionLimits;
import dev.ioslab.frontend.admission.AdmissionLimits;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.admission.ConnectionLog;
import dev.ioslab.frontend.admission.DescriptorBudget;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code daemon:} flood settings into the one {@link ConnectionAdmission} both front ends share: the
 * descriptor budget from the process limit (or {@code descriptorLimit}), the descriptors open now, the listeners the
 * rack will open and the headroom; the caps on connections not logged in yet, lowered to what the budget allows.
 */
final class AdmissionPlan {

    /** One summary line per kind of refused or reset connection at most this often. */
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    /** Planned with when the platform does not report its limit (a common Linux default soft limit is 1,024). */
    static final long UNKNOWN_PROCESS_LIMIT = 1024;
    /** The image repository's FTP and TFTP sockets and the control API's listener. */
    private static final long SERVICE_LISTENERS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionPlan.class);

    private AdmissionPlan() {
    }

    /**
     * The admission for a rack of {@code devices} devices (two listeners each).
     *
     * @throws IOException when the budget leaves nothing for connections; the message says what to change
     */
    static ConnectionAdmission admission(ConnectionLimits limits, int devices, Clock clock) throws IOException {
        OptionalLong processLimit = DescriptorBudget.currentProcessLimit();
        long limit = limits.descriptorLimit().orElse(processLimit.orElse(UNKNOWN_PROCESS_LIMIT));
        if (processLimit.isPresent() && limit > processLimit.getAsLong()) {
            LOG.warn("daemon.descriptorLimit {} is above the process's open-file limit {}: a flood can exhaust the "
                    + "process's descriptors; raise the limit (ulimit -n, LimitNOFILE=) or lower descriptorLimit",
                    limit, processLimit.getAsLong());
        }
        DescriptorBudget budget;
        try {
            budget = DescriptorBudget.derive(limit, DescriptorBudget.currentlyOpen().orElse(0),
                    2L * devices + SERVICE_LISTENERS, limits.descriptorHeadroom().orElse(-1));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        AdmissionLimits caps = AdmissionLimits.within(budget, limits.maxUnauthenticated(),
                limits.maxUnauthenticatedPerAddress(), limits.maxUnauthenticatedPerListener());
        LOG.info("Descriptor budget: {} of {} for SSH and Telnet connections ({} reserved); at most {} not logged in, "
                + "{} per source address, {} per source address and port", budget.connections(),
                budget.processLimit(), budget.reserved(), caps.maxNotLoggedIn(), caps.maxNotLoggedInPerAddress(),
                caps.maxNotLoggedInPerListener());
        return new ConnectionAdmission(caps, new ConnectionLog(clock, LOG_INTERVAL));
    }
}
