package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ioslab.config.ConfigLoader;
import dev.ioslab.config.IoslabConfig;
import dev.ioslab.config.SharedListeners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The manifests in {@code deploy/kubernetes/} agree with the program: the container's arguments parse with the real
 * command line into shard K of {@code replicas} for every pod ordinal K, the rack in the ConfigMap loads, and the
 * probe, ports, volumes and Services point at what that rack configures.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final List<JsonNode> DOCUMENTS = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    docs.forEachRemaining(doc -> {
                        if (!doc.isNull() && !doc.isEmpty()) {
                            DOCUMENTS.add(doc);
                        }
                    });
                }
            }
        }
    }

    @Test
    void everyPodRunsItsOwnShardOfTheRackFromTheConfigMap() throws Exception {
        JsonNode set = kind("StatefulSet", "ioslab");
        JsonNode container = set.at("/spec/template/spec/containers/0");
        int replicas = set.at("/spec/replicas").asInt();
        assertThat(replicas).isPositive();
        JsonNode shardEnv = env(container, "SHARD");
        assertThat(shardEnv.at("/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");

        Set<Shard> shards = new HashSet<>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            List<String> args = new ArrayList<>();
            for (JsonNode arg : container.get("args")) {
                args.add(arg.asText().replace("$(SHARD)", Integer.toString(ordinal)));
            }
            Main main = new Main();
            new CommandLine(main).parseArgs(args.toArray(String[]::new));
            assertThat(main.shard()).isEqualTo(new Shard(ordinal, replicas));
            shards.add(main.shard());
            assertThat(configMapFile(set, main.configFile())).isNotNull();
        }
        assertThat(shards).hasSize(replicas);
    }

    @Test
    void theRackLoadsAndTheProbePortsVolumesAndServicesMatchIt() throws Exception {
        JsonNode set = kind("StatefulSet", "ioslab");
        JsonNode container = set.at("/spec/template/spec/containers/0");
        Main main = new Main();
        new CommandLine(main).parseArgs(container.get("args").get(0).asText(), "0/1",
                container.get("args").get(2).asText());
        IoslabConfig rack = new ConfigLoader(2).parse(configMapFile(set, main.configFile()), "ioslab-rack");

        SharedListeners shared = rack.daemon().sharedListeners().orElseThrow();
        assertThat(container.at("/readinessProbe/tcpSocket/port").asInt()).isEqualTo(shared.sshPort());
        assertThat(container.at("/startupProbe/tcpSocket/port").asInt()).isEqualTo(shared.sshPort());
        assertThat(containerPort(container, "ssh")).isEqualTo(shared.sshPort());
        assertThat(containerPort(container, "telnet")).isEqualTo(shared.telnetPort());
        assertThat(containerPort(container, "ftp")).isEqualTo(rack.imageRepository().ftpPort());
        assertThat(containerPort(container, "tftp")).isEqualTo(rack.imageRepository().tftpPort());

        // Device state on the per-pod volume claim.
        String claim = set.at("/spec/volumeClaimTemplates/0/metadata/name").asText();
        assertThat(mountPath(container, claim)).isEqualTo(rack.daemon().stateDir().toString());

        JsonNode headless = kind("Service", "ioslab");
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(set.at("/spec/serviceName").asText()).isEqualTo("ioslab");
        assertThat(servicePort(headless, "ssh")).isEqualTo(shared.sshPort());
        JsonNode images = kind("Service", "ioslab-images");
        assertThat(servicePort(images, "ftp")).isEqualTo(rack.imageRepository().ftpPort());
        assertThat(servicePort(images, "tftp")).isEqualTo(rack.imageRepository().tftpPort());
        JsonNode podLabels = set.at("/spec/template/metadata/labels");
        images.at("/spec/selector").fields().forEachRemaining(label -> {
            if (!label.getKey().startsWith("statefulset.kubernetes.io/")) {
                assertThat(podLabels.get(label.getKey()).asText()).isEqualTo(label.getValue().asText());
            }
        });
    }

    private static JsonNode kind(String kind, String name) {
        return DOCUMENTS.stream()
                .filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + DIR));
    }

    /** The text of the ConfigMap key that {@code file} is, through the pod's configMap volume mounted above it. */
    private static String configMapFile(JsonNode set, Path file) {
        JsonNode container = set.at("/spec/template/spec/containers/0");
        for (JsonNode volume : set.at("/spec/template/spec/volumes")) {
            if (volume.has("configMap") && file.getParent() != null
                    && file.getParent().toString().equals(mountPath(container, volume.get("name").asText()))) {
                JsonNode data = kind("ConfigMap", volume.at("/configMap/name").asText()).get("data");
                return data.get(file.getFileName().toString()).asText();
            }
        }
        throw new AssertionError(file + " is in no ConfigMap volume of the pod");
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode mount : container.get("volumeMounts")) {
            if (mount.get("name").asText().equals(volume)) {
                return mount.get("mountPath").asText();
            }
        }
        throw new AssertionError("volume " + volume + " is not mounted");
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.get("env")) {
            if (env.get("name").asText().equals(name)) {
                return env;
            }
        }
        throw new AssertionError("no env " + name);
    }

    private static int containerPort(JsonNode container, String name) {
        for (JsonNode port : container.get("ports")) {
            if (port.get("name").asText().equals(name)) {
                return port.get("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port " + name);
    }

    private static int servicePort(JsonNode service, String name) {
        for (JsonNode port : service.at("/spec/ports")) {
            if (port.get("name").asText().equals(name)) {
                assertThat(port.get("targetPort").asInt()).isEqualTo(port.get("port").asInt());
                return port.get("port").asInt();
            }
        }
        throw new AssertionError("no service port " + name);
    }
}
