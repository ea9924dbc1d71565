package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one mailpipe workload of a rendered overlay (a Deployment or a StatefulSet): its pod template, the mailpipe
 * container, the configuration that container runs with, and the objects around it.
 */
record Workload(List<HasMetadata> objects, HasMetadata owner, PodTemplateSpec template, Container container,
                MailpipeSettings settings) {

    static Workload of(List<HasMetadata> objects) {
        List<HasMetadata> owners = objects.stream().filter(o -> KustomizeTree.podTemplate(o) != null).toList();
        if (owners.size() != 1) {
            throw new AssertionError("expected one Deployment or StatefulSet, found " + owners.size());
        }
        HasMetadata owner = owners.get(0);
        PodTemplateSpec template = KustomizeTree.podTemplate(owner);
        Container container = template.getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("mailpipe")).findFirst()
                .orElseThrow(() -> new AssertionError("no container named mailpipe"));
        return new Workload(objects, owner, template, container,
                MailpipeSettings.of(objects, template.getSpec(), container));
    }

    PodSpec pod() {
        return template.getSpec();
    }

    Map<String, String> podLabels() {
        return template.getMetadata().getLabels();
    }

    /** The container port a Service, probe or policy names by number or by port name. */
    Optional<ContainerPort> port(IntOrString reference) {
        return container.getPorts().stream()
                .filter(p -> reference.getIntVal() != null ? p.getContainerPort().equals(reference.getIntVal())
                        : p.getName().equals(reference.getStrVal()))
                .findFirst();
    }

    /** A port reference as written: its number or its name. */
    static String show(IntOrString reference) {
        return reference == null ? "none" : reference.getIntVal() != null ? reference.getIntVal().toString()
                : reference.getStrVal();
    }

    Optional<ContainerPort> namedPort(String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
