package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the workload of an overlay fits together: Services and network policies select its pods and name ports it
 * has, the listener ports configured through the environment are the container ports, every environment variable
 * and configuration key is a key mailpipe knows, listeners bind all interfaces, and every file path of the
 * configuration lies on a mounted volume (writable ones on a writable volume).
 */
final class WiringChecks {

    /** Container port name for each listener port key (the Services map 25, 587 and 465 onto them). */
    static final Map<String, String> LISTENER_PORTS = Map.of(
            "smtpd.port", "smtp",
            "mailpipe.submission.port", "submission",
            "mailpipe.submissions.port", "submissions");
    static final List<String> BIND_ALL_KEYS = List.of("smtpd.host", "mailpipe.submission.host",
            "mailpipe.management.host");
    /** Keys whose value is a file or directory mailpipe writes. */
    static final List<String> WRITTEN_PATH_KEYS = List.of("mailpipe.spool.directory", "mailpipe.queue.event-log",
            "mailpipe.local-sink.directory");

    private WiringChecks() {
    }

    static List<String> check(Workload workload) {
        List<String> problems = new ArrayList<>(workload.settings().problems());
        services(workload, problems);
        policies(workload, problems);
        keys(workload, problems);
        listeners(workload, problems);
        paths(workload, problems);
        if (workload.owner() instanceof StatefulSet statefulSet) {
            governingService(workload, statefulSet, problems);
        }
        return problems;
    }

    private static void services(Workload workload, List<String> problems) {
        for (Service service : workload.all(Service.class)) {
            String name = "Service " + service.getMetadata().getName();
            if (!selects(service.getSpec().getSelector(), workload.podLabels())) {
                problems.add(name + ": selector does not match the pod labels");
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort()
                        : new IntOrString(port.getPort());
                if (workload.port(target).isEmpty()) {
                    problems.add(name + ": targetPort " + Workload.show(target) + " is no container port");
                }
            }
        }
    }

    private static void policies(Workload workload, List<String> problems) {
        for (NetworkPolicy policy : workload.all(NetworkPolicy.class)) {
            String name = "NetworkPolicy " + policy.getMetadata().getName();
            if (!matches(policy.getSpec().getPodSelector(), workload.podLabels())) {
                problems.add(name + ": podSelector does not match the pod labels");
            }
            policy.getSpec().getIngress().forEach(rule -> rule.getPorts().stream().map(NetworkPolicyPort::getPort)
                    .filter(p -> workload.port(p).isEmpty())
                    .forEach(p -> problems.add(name + ": ingress port " + Workload.show(p) + " is no container port")));
        }
    }

    private static void keys(Workload workload, List<String> problems) {
        MailpipeSettings settings = workload.settings();
        for (String variable : settings.environment().keySet()) {
            if (variable.equals(MailpipeSettings.JAVA_OPTIONS_VARIABLE)) {
                continue;
            }
            Optional<String> key = MailpipeSettings.keyOfVariable(variable);
            if (key.isEmpty()) {
                problems.add("env " + variable + " overrides no key of application.properties");
            } else if (settings.fileKeys().containsKey(key.get())) {
                problems.add("env " + variable + " and a --config file both set " + key.get());
            }
        }
        var known = MailpipeSettings.knownKeys();
        settings.fileKeys().keySet().stream().filter(k -> !known.contains(k))
                .forEach(k -> problems.add("--config key " + k + " is no key of application.properties"));
    }

    private static void listeners(Workload workload, List<String> problems) {
        LISTENER_PORTS.forEach((key, portName) -> {
            int configured = Integer.parseInt(workload.settings().require(key));
            boolean same = workload.namedPort(portName).map(p -> p.getContainerPort() == configured).orElse(false);
            if (!same) {
                problems.add(key + " = " + configured + " but container port " + portName + " differs");
            }
        });
        if (workload.namedPort("management").map(p -> p.getContainerPort() != PodChecks.MANAGEMENT_PORT)
                .orElse(true)) {
            problems.add("container port management must be " + PodChecks.MANAGEMENT_PORT);
        }
        for (String key : BIND_ALL_KEYS) {
            String host = workload.settings().require(key);
            if (!host.equals("0.0.0.0") && !host.equals("::")) {
                problems.add(key + " = " + host + ": bind all interfaces in a pod");
            }
        }
    }

    private static void paths(Workload workload, List<String> problems) {
        MailpipeSettings settings = workload.settings();
        for (String key : MailpipeSettings.knownKeys()) {
            String value = settings.value(key).orElse("");
            if (value.startsWith("/")) {
                Optional<Volume> volume = volumeAt(workload, value);
                if (volume.isEmpty()) {
                    problems.add(key + " = " + value + " lies on no mounted volume");
                } else if (WRITTEN_PATH_KEYS.contains(key) && !writable(workload, volume.get())) {
                    problems.add(key + " = " + value + " lies on a read-only volume");
                }
            } else if (WRITTEN_PATH_KEYS.contains(key) && settings.require("mailpipe.queue").equals("spool")) {
                problems.add(key + " = " + value + ": a relative path falls on the read-only root file system");
            }
        }
    }

    private static Optional<Volume> volumeAt(Workload workload, String path) {
        return workload.container().getVolumeMounts().stream()
                .filter(m -> path.equals(m.getMountPath()) || path.startsWith(m.getMountPath() + "/"))
                .max((a, b) -> Integer.compare(a.getMountPath().length(), b.getMountPath().length()))
                .map(m -> volumeOrClaim(workload, m));
    }

    private static Volume volumeOrClaim(Workload workload, VolumeMount mount) {
        Volume volume = MailpipeSettings.volume(workload.pod(), mount.getName());
        if (volume != null) {
            return volume;
        }
        boolean claim = workload.owner() instanceof StatefulSet s && s.getSpec().getVolumeClaimTemplates().stream()
                .anyMatch(c -> c.getMetadata().getName().equals(mount.getName()));
        return claim ? new VolumeBuilder().withName(mount.getName()).build() : null;
    }

    private static boolean writable(Workload workload, Volume volume) {
        boolean claim = workload.owner() instanceof StatefulSet s && s.getSpec().getVolumeClaimTemplates().stream()
                .anyMatch(c -> c.getMetadata().getName().equals(volume.getName()));
        return claim || volume.getEmptyDir() != null || volume.getPersistentVolumeClaim() != null;
    }

    private static void governingService(Workload workload, StatefulSet statefulSet, List<String> problems) {
        String name = statefulSet.getSpec().getServiceName();
        boolean headless = workload.all(Service.class).stream()
                .anyMatch(s -> s.getMetadata().getName().equals(name) && "None".equals(s.getSpec().getClusterIP()));
        if (!headless) {
            problems.add("StatefulSet serviceName " + name + " is no headless Service of the overlay");
        }
        if (statefulSet.getSpec().getReplicas() == null || statefulSet.getSpec().getReplicas() != 1) {
            problems.add("StatefulSet: the spool is owned by one process, replicas must be 1");
        }
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        return selector != null && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty())
                && selects(selector.getMatchLabels(), labels);
    }

    static boolean hasPort(List<NetworkPolicyPort> ports, int port) {
        return ports.stream().map(NetworkPolicyPort::getPort).anyMatch(p -> new IntOrString(port).equals(p));
    }
}
