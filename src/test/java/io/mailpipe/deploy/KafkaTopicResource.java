package io.mailpipe.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.apache.kafka.common.config.TopicConfig;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strimzi's {@code KafkaTopic} (kafka.strimzi.io/v1beta2), for which fabric8 has no model class: a typed record
 * of the fields this project uses; any other field fails the parse, and config keys must be Kafka topic-level
 * settings (the {@code *_CONFIG} names of Kafka's {@link TopicConfig}).
 */
record KafkaTopicResource(String apiVersion, String kind, Metadata metadata, Spec spec) {

    static final String API_VERSION = "kafka.strimzi.io/v1beta2";
    static final String KIND = "KafkaTopic";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record Spec(String topicName, int partitions, int replicas, Map<String, Object> config) {

        Map<String, Object> configOrEmpty() {
            return config == null ? Map.of() : config;
        }
    }

    static boolean is(GenericKubernetesResource resource) {
        return KIND.equals(resource.getKind());
    }

    static KafkaTopicResource of(GenericKubernetesResource resource) {
        return STRICT.convertValue(resource, KafkaTopicResource.class);
    }

    /** The Kafka topic name: spec.topicName, else metadata.name. */
    String topicName() {
        return spec.topicName() != null ? spec.topicName() : metadata.name();
    }

    List<String> problems(String clusterName) {
        List<String> problems = new ArrayList<>();
        if (!API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
            problems.add(metadata.name() + ": apiVersion/kind must be " + API_VERSION + " " + KIND);
        }
        if (metadata.labels() == null || !clusterName.equals(metadata.labels().get("strimzi.io/cluster"))) {
            problems.add(metadata.name() + ": label strimzi.io/cluster must be " + clusterName);
        }
        if (spec.partitions() < 1 || spec.replicas() < 1) {
            problems.add(metadata.name() + ": partitions and replicas must be at least 1");
        }
        Set<String> known = topicConfigKeys();
        spec.configOrEmpty().keySet().stream().filter(k -> !known.contains(k))
                .forEach(k -> problems.add(metadata.name() + ": " + k + " is no Kafka topic setting"));
        return problems;
    }

    static Set<String> topicConfigKeys() {
        Set<String> keys = new TreeSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return keys;
    }
}
