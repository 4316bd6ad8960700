package dev.ioslab.control;

import dev.ioslab.device.DeviceEvent;

/**
 * The metrics' counters, fed by the event stream: logins by method and result, commands, configuration changes,
 * transfers (count, bytes, seconds by protocol, direction and result), verifications by result, reloads by kind and
 * faults fired by kind and type. Threading: {@link #published} is called by publishers on any thread and only adds.
 */
public final class EventCounters implements EventLog.Listener {

    private final LabeledCounter logins = new LabeledCounter("ioslab_logins_total",
            "Login attempts by method and result.", "method", "result");
    private final LabeledCounter commands = new LabeledCounter("ioslab_commands_total",
            "Command lines run.");
    private final LabeledCounter configChanges = new LabeledCounter("ioslab_config_changes_total",
            "Configuration lines accepted and saves to NVRAM.", "saved");
    private final LabeledCounter transfers = new LabeledCounter("ioslab_transfers_total",
            "Finished transfers by protocol, direction and result.", "protocol", "direction", "result");
    private final LabeledCounter transferBytes = new LabeledCounter("ioslab_transfer_bytes_total",
            "Bytes moved by transfers.", "protocol", "direction", "result");
    private final LabeledCounter transferSeconds = new LabeledCounter("ioslab_transfer_seconds_total",
            "Seconds spent in transfers.", "protocol", "direction", "result");
    private final LabeledCounter verifications = new LabeledCounter("ioslab_verifications_total",
            "Image verifications by result.", "result");
    private final LabeledCounter reloads = new LabeledCounter("ioslab_reloads_total",
            "Reloads and power changes by kind.", "kind");
    private final LabeledCounter faults = new LabeledCounter("ioslab_faults_fired_total",
            "Injected faults that acted, by kind and type.", "kind", "type");

    @Override
    public void published(LoggedEvent logged) {
        DeviceEvent event = logged.event();
        if (event instanceof DeviceEvent.Login e) {
            logins.add(1, e.method(), e.result().label());
        } else if (event instanceof DeviceEvent.CommandEntered) {
            commands.add(1);
        } else if (event instanceof DeviceEvent.ConfigChange e) {
            configChanges.add(1, Boolean.toString(e.saved()));
        } else if (event instanceof DeviceEvent.Transfer e) {
            String result = e.result();
            transfers.add(1, e.protocol(), e.direction().label(), result);
            transferBytes.add(e.bytes(), e.protocol(), e.direction().label(), result);
            transferSeconds.add(e.seconds(), e.protocol(), e.direction().label(), result);
        } else if (event instanceof DeviceEvent.Verification e) {
            verifications.add(1, e.result());
        } else if (event instanceof DeviceEvent.Reload e) {
            reloads.add(1, e.kind());
        } else if (event instanceof DeviceEvent.FaultFired e) {
            faults.add(1, e.kind(), e.faultType());
        }
    }

    void writeTo(MetricsText out) {
        logins.writeTo(out);
        commands.writeTo(out);
        configChanges.writeTo(out);
        transfers.writeTo(out);
        transferBytes.writeTo(out);
        transferSeconds.writeTo(out);
        verifications.writeTo(out);
        reloads.writeTo(out);
        faults.writeTo(out);
    }
}
