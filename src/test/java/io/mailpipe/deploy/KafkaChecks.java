package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.mailpipe.camel.kafkaqueue.KafkaQueueOptions;
import io.mailpipe.delivery.shaping.ShapingFile;
import io.mailpipe.delivery.shaping.ShapingFileException;
import io.mailpipe.queue.kafka.KafkaTopicSetup;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Kafka overlay against the application: its KafkaTopic resources are exactly the topics mailpipe would create
 * for the configured prefix, retry tiers, partitions, replicas and sizes ({@link KafkaTopicSetup#plannedTopics});
 * the autoscaler targets the Deployment and never runs more incoming consumers than partitions; the Deployment
 * leaves its replica count to the autoscaler; the disruption budget selects the pods; the network policy lets
 * the pods reach the brokers' port; traffic shaping is on, with a limits file that is a key of a mounted ConfigMap
 * and reads as a valid limits file.
 */
final class KafkaChecks {

    static final String STRIMZI_CLUSTER = "mailpipe-kafka";
    static final String SHAPING_ENABLED = "mailpipe.shaping.enabled";
    static final String SHAPING_FILE = "mailpipe.shaping.file";

    private KafkaChecks() {
    }

    static List<String> check(Workload workload) {
        List<String> problems = new ArrayList<>();
        MailpipeSettings settings = workload.settings();
        topics(workload, settings, problems);
        scaling(workload, settings, problems);
        brokerEgress(workload, settings, problems);
        shaping(workload, settings, problems);
        return problems;
    }

    static KafkaQueueOptions queueOptions(MailpipeSettings settings) {
        KafkaQueueOptions options = new KafkaQueueOptions();
        options.setBrokers(settings.require("mailpipe.kafka.brokers"));
        options.setTopicPrefix(settings.require("mailpipe.kafka.topic-prefix"));
        options.setRetryTiers(settings.require("mailpipe.kafka.retry-tiers"));
        options.setPartitions(Integer.parseInt(settings.require("mailpipe.kafka.partitions")));
        options.setReplicationFactor(Short.parseShort(settings.require("mailpipe.kafka.replication-factor")));
        options.setMaxRequestSize(Integer.parseInt(settings.require("mailpipe.kafka.max-request-size")));
        options.setLifetime(settings.require("mailpipe.queue.max-lifetime"));
        return options;
    }

    private static void topics(Workload workload, MailpipeSettings settings, List<String> problems) {
        KafkaQueueOptions options = queueOptions(settings);
        Map<String, String> planned = new TreeMap<>();
        for (NewTopic topic : KafkaTopicSetup.plannedTopics(options.settings(), options.deliveredRetention())) {
            planned.put(topic.name(), describe(topic.numPartitions(), topic.replicationFactor(), topic.configs()));
        }
        Map<String, String> declared = new TreeMap<>();
        for (GenericKubernetesResource resource : workload.all(GenericKubernetesResource.class)) {
            if (!KafkaTopicResource.is(resource)) {
                problems.add(resource.getKind() + " " + resource.getMetadata().getName() + ": unknown kind");
                continue;
            }
            KafkaTopicResource topic = KafkaTopicResource.of(resource);
            problems.addAll(topic.problems(STRIMZI_CLUSTER));
            Map<String, String> config = topic.spec().configOrEmpty().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
            declared.put(topic.topicName(), describe(topic.spec().partitions(), topic.spec().replicas(), config));
        }
        if (!declared.equals(planned)) {
            problems.add("KafkaTopics " + declared + " differ from the topics mailpipe creates " + planned);
        }
    }

    private static String describe(int partitions, int replicas, Map<String, String> config) {
        return "partitions=" + partitions + " replicas=" + replicas + " config=" + new TreeMap<>(config);
    }

    private static void scaling(Workload workload, MailpipeSettings settings, List<String> problems) {
        if (!(workload.owner() instanceof Deployment deployment)) {
            problems.add("Kafka mode runs as a Deployment");
            return;
        }
        if (deployment.getSpec().getReplicas() != null) {
            problems.add("Deployment: leave replicas to the HorizontalPodAutoscaler");
        }
        List<HorizontalPodAutoscaler> autoscalers = workload.all(HorizontalPodAutoscaler.class);
        if (autoscalers.size() != 1) {
            problems.add("expected one HorizontalPodAutoscaler, found " + autoscalers.size());
            return;
        }
        var spec = autoscalers.get(0).getSpec();
        var target = spec.getScaleTargetRef();
        if (!"Deployment".equals(target.getKind()) || !deployment.getMetadata().getName().equals(target.getName())) {
            problems.add("HorizontalPodAutoscaler: scaleTargetRef is not the Deployment");
        }
        int consumers = Integer.parseInt(settings.require("mailpipe.kafka.consumers"));
        int partitions = Integer.parseInt(settings.require("mailpipe.kafka.partitions"));
        if (spec.getMaxReplicas() * consumers > partitions) {
            problems.add("maxReplicas " + spec.getMaxReplicas() + " x consumers " + consumers
                    + " exceeds the " + partitions + " partitions of the incoming topic");
        }
        List<PodDisruptionBudget> budgets = workload.all(PodDisruptionBudget.class);
        if (budgets.size() != 1 || !WiringChecks.matches(budgets.get(0).getSpec().getSelector(), workload.podLabels())) {
            problems.add("expected one PodDisruptionBudget selecting the pods");
        } else if (spec.getMinReplicas() == null || spec.getMinReplicas() < 2) {
            problems.add("HorizontalPodAutoscaler: minReplicas of at least 2, or the budget blocks every drain");
        }
    }

    private static void shaping(Workload workload, MailpipeSettings settings, List<String> problems) {
        if (!settings.require(SHAPING_ENABLED).equals("true")) {
            problems.add(SHAPING_ENABLED + " must be true: replicas share the site limits");
            return;
        }
        String file = settings.require(SHAPING_FILE);
        Optional<String> limits = MailpipeSettings.mountedConfigMapFile(workload.objects(), workload.pod(),
                workload.container(), file);
        if (limits.isEmpty()) {
            problems.add(SHAPING_FILE + " = " + file + " is no key of a ConfigMap mounted in the container");
            return;
        }
        try {
            ShapingFile.read(new ByteArrayInputStream(limits.get().getBytes(StandardCharsets.UTF_8)), file);
        } catch (ShapingFileException e) {
            problems.add(SHAPING_FILE + " = " + file + " is no valid limits file: " + e.getMessage());
        }
    }

    private static void brokerEgress(Workload workload, MailpipeSettings settings, List<String> problems) {
        for (String broker : settings.require("mailpipe.kafka.brokers").split(",")) {
            int port = Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1).strip());
            boolean allowed = workload.all(NetworkPolicy.class).stream()
                    .flatMap(p -> p.getSpec().getEgress().stream())
                    .anyMatch(rule -> !rule.getTo().isEmpty() && WiringChecks.hasPort(rule.getPorts(), port));
            if (!allowed) {
                problems.add("no NetworkPolicy egress rule to the brokers' port " + port);
            }
        }
    }
}
