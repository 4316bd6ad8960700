package dev.ioslab.control;

import dev.ioslab.device.DeviceEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as the API's JSON document: {@code seq}, {@code device}, {@code at} (ISO-8601), {@code type} and the
 * type's own fields, in that order (the contract of issue 13). Stateless.
 */
final class EventJson {

    private EventJson() {
    }

    static Map<String, Object> of(LoggedEvent logged) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", logged.seq());
        json.put("device", logged.device());
        json.put("at", logged.at().toString());
        DeviceEvent event = logged.event();
        json.put("type", event.type());
        if (event instanceof DeviceEvent.Login e) {
            json.put("user", e.user());
            json.put("source", e.source());
            json.put("method", e.method());
            json.put("result", e.result().label());
        } else if (event instanceof DeviceEvent.Logout e) {
            json.put("user", e.user());
            json.put("source", e.source());
            json.put("vty", e.vty());
        } else if (event instanceof DeviceEvent.CommandEntered e) {
            command(json, e.line(), e.mode(), e.privilege(), e.user(), e.vty());
        } else if (event instanceof DeviceEvent.CommandRejected e) {
            command(json, e.line(), e.mode(), e.privilege(), e.user(), e.vty());
            json.put("error", e.error());
        } else if (event instanceof DeviceEvent.ConfigChange e) {
            json.put("line", e.line());
            json.put("user", e.user());
            json.put("saved", e.saved());
        } else if (event instanceof DeviceEvent.Transfer e) {
            json.put("url", e.url());
            json.put("direction", e.direction().label());
            json.put("protocol", e.protocol());
            json.put("bytes", e.bytes());
            json.put("seconds", Math.round(e.seconds() * 1000) / 1000.0);
            json.put("result", e.result());
        } else if (event instanceof DeviceEvent.Verification e) {
            json.put("file", e.file());
            json.put("result", e.result());
            json.put("signer", e.signer());
        } else if (event instanceof DeviceEvent.Reload e) {
            json.put("reason", e.reason());
            json.put("kind", e.kind());
        } else if (event instanceof DeviceEvent.FaultFired e) {
            json.put("faultId", e.faultId());
            json.put("kind", e.kind());
            json.put("faultType", e.faultType());
            json.put("detail", e.detail());
        }
        return json;
    }

    /** The fields of a command line, accepted or refused. */
    private static void command(Map<String, Object> json, String line, String mode, int privilege, String user,
                                int vty) {
        json.put("line", line);
        json.put("mode", mode);
        json.put("privilege", privilege);
        json.put("user", user);
        json.put("vty", vty);
    }
}
