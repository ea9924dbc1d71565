package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every mailpipe pod must have: probes on the management server's health paths, a grace period longer than
 * the preStop pause plus camel-main's shutdown timeout, a locked-down security context, resources with a JVM
 * sized to the memory limit, and a writable /tmp on a read-only root file system.
 */
final class PodChecks {

    /** The management server's port and paths (health and metrics). */
    static final int MANAGEMENT_PORT = 9876;
    static final String LIVE_PATH = "/observe/health/live";
    static final String READY_PATH = "/observe/health/ready";
    static final String METRICS_PATH = "/observe/metrics";

    private PodChecks() {
    }

    static List<String> check(Workload workload) {
        List<String> problems = new ArrayList<>();
        probes(workload, problems);
        gracePeriod(workload, problems);
        security(workload, problems);
        resources(workload.container(), problems);
        scratch(workload, problems);
        scrapeAnnotations(workload.template().getMetadata().getAnnotations(), "pod template", problems);
        return problems;
    }

    static void scrapeAnnotations(Map<String, String> annotations, String where, List<String> problems) {
        Map<String, String> wanted = Map.of("prometheus.io/scrape", "true",
                "prometheus.io/port", Integer.toString(MANAGEMENT_PORT), "prometheus.io/path", METRICS_PATH);
        wanted.forEach((key, value) -> {
            if (annotations == null || !value.equals(annotations.get(key))) {
                problems.add(where + ": annotation " + key + " should be " + value);
            }
        });
    }

    private static void probes(Workload workload, List<String> problems) {
        Container c = workload.container();
        probe(workload, "liveness", c.getLivenessProbe(), LIVE_PATH, problems);
        probe(workload, "readiness", c.getReadinessProbe(), READY_PATH, problems);
        if (c.getStartupProbe() != null) {
            probe(workload, "startup", c.getStartupProbe(), LIVE_PATH, problems);
        }
    }

    private static void probe(Workload workload, String kind, Probe probe, String path, List<String> problems) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null) {
            problems.add(kind + " probe: missing or not an HTTP GET");
            return;
        }
        if (!path.equals(get.getPath())) {
            problems.add(kind + " probe: path " + get.getPath() + ", the management server serves " + path);
        }
        boolean onManagement = workload.port(get.getPort())
                .map(p -> p.getContainerPort() == MANAGEMENT_PORT).orElse(false);
        if (!onManagement) {
            problems.add(kind + " probe: port " + Workload.show(get.getPort()) + " is not container port " + MANAGEMENT_PORT);
        }
    }

    private static void gracePeriod(Workload workload, List<String> problems) {
        long shutdown = Long.parseLong(workload.settings().require("camel.main.shutdown-timeout"));
        long preStop = 0;
        var lifecycle = workload.container().getLifecycle();
        if (lifecycle != null && lifecycle.getPreStop() != null && lifecycle.getPreStop().getSleep() != null) {
            preStop = lifecycle.getPreStop().getSleep().getSeconds();
        }
        Long grace = workload.pod().getTerminationGracePeriodSeconds();
        if (grace == null || grace <= shutdown + preStop) {
            problems.add("terminationGracePeriodSeconds " + grace + " must exceed preStop " + preStop
                    + " s + camel.main.shutdown-timeout " + shutdown + " s");
        }
    }

    private static void security(Workload workload, List<String> problems) {
        PodSecurityContext pod = workload.pod().getSecurityContext();
        if (pod == null || !Boolean.TRUE.equals(pod.getRunAsNonRoot()) || pod.getRunAsUser() == null
                || pod.getRunAsUser() == 0) {
            problems.add("pod securityContext: runAsNonRoot true with a non-zero runAsUser");
        }
        if (pod == null || pod.getSeccompProfile() == null
                || !"RuntimeDefault".equals(pod.getSeccompProfile().getType())) {
            problems.add("pod securityContext: seccompProfile RuntimeDefault");
        }
        SecurityContext c = workload.container().getSecurityContext();
        if (c == null || !Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())
                || !Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())
                || c.getCapabilities() == null || !List.of("ALL").equals(c.getCapabilities().getDrop())) {
            problems.add("container securityContext: allowPrivilegeEscalation false, readOnlyRootFilesystem true,"
                    + " capabilities drop [ALL]");
        }
        if (!Boolean.FALSE.equals(workload.pod().getAutomountServiceAccountToken())) {
            problems.add("pod: automountServiceAccountToken false (mailpipe uses no Kubernetes API)");
        }
    }

    private static void resources(Container container, List<String> problems) {
        var resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
            if (resources == null || resources.getRequests() == null || resources.getLimits() == null
                    || !resources.getRequests().containsKey(resource) || !resources.getLimits().containsKey(resource)) {
                problems.add("resources: requests and limits for " + resource);
            }
        }
        String options = container.getEnv().stream()
                .filter(e -> e.getName().equals(MailpipeSettings.JAVA_OPTIONS_VARIABLE))
                .map(e -> e.getValue()).findFirst().orElse("");
        if (!options.contains("-XX:MaxRAMPercentage=")) {
            problems.add(MailpipeSettings.JAVA_OPTIONS_VARIABLE + ": size the heap to the limit (-XX:MaxRAMPercentage)");
        }
    }

    private static void scratch(Workload workload, List<String> problems) {
        VolumeMount tmp = workload.container().getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElse(null);
        Volume volume = tmp == null ? null : MailpipeSettings.volume(workload.pod(), tmp.getName());
        if (volume == null || volume.getEmptyDir() == null) {
            problems.add("/tmp: mount an emptyDir (the root file system is read-only)");
        }
    }
}
