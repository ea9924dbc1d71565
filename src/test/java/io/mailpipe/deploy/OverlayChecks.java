package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * All checks of one built overlay, whether built by {@link KustomizeTree} or rendered by kustomize: typed objects
 * without unknown fields, then the pod, wiring, route and (in Kafka mode) topic and scaling checks.
 */
final class OverlayChecks {

    private OverlayChecks() {
    }

    static List<String> check(List<HasMetadata> objects) {
        List<String> problems = new ArrayList<>(modelProblems(objects));
        Workload workload = Workload.of(objects);
        problems.addAll(PodChecks.check(workload));
        problems.addAll(WiringChecks.check(workload));
        problems.addAll(RouteMountChecks.check(workload));
        workload.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals("mailpipe-management"))
                .forEach(s -> PodChecks.scrapeAnnotations(s.getMetadata().getAnnotations(),
                        "Service mailpipe-management", problems));
        if (workload.settings().require("mailpipe.queue").equals("kafka")) {
            problems.addAll(KafkaChecks.check(workload));
        }
        return problems;
    }

    /** Unknown fields of modelled kinds, and kinds without a model other than a valid KafkaTopic. */
    static List<String> modelProblems(List<HasMetadata> objects) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : objects) {
            String name = object.getKind() + " " + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource generic) {
                if (!KafkaTopicResource.is(generic)) {
                    problems.add(name + ": no model for this kind");
                } else {
                    problems.addAll(KafkaTopicResource.of(generic).problems(KafkaChecks.STRIMZI_CLUSTER));
                }
            } else {
                UnknownFields.of(object).forEach(field -> problems.add(name + ": unknown field " + field));
            }
        }
        return problems;
    }
}
