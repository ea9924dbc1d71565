package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds fields the Kubernetes API does not know in a fabric8 model object. fabric8 accepts any field and keeps
 * the ones it has no property for in {@code getAdditionalProperties()}, so a misspelt field ({@code replicaz})
 * would pass silently; this walk visits every model object reachable through getters and reports each such field
 * by its path (for example {@code spec.template.spec.containers[0].imagePullPolcy}).
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    static List<String> of(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, 0);
        return found;
    }

    private static void walk(Object value, String path, List<String> found, int depth) {
        if (value == null || depth > 64) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "[" + key + "]", found, depth + 1));
        } else if (isModel(value)) {
            walkModel(value, path, found, depth);
        }
    }

    private static void walkModel(Object model, String path, List<String> found, int depth) {
        for (Method getter : model.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object child = invoke(getter, model);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) child).keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
            } else {
                walk(child, join(path, propertyName(getter)), found, depth + 1);
            }
        }
    }

    private static boolean isModel(Object value) {
        return value.getClass().getName().startsWith(MODEL_PACKAGE) && !(value instanceof GenericKubernetesResource)
                && !value.getClass().isEnum();
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && (method.getName().startsWith("get") || method.getName().startsWith("is"))
                && !method.getName().equals("getClass") && method.getReturnType() != void.class;
    }

    private static Object invoke(Method getter, Object model) {
        try {
            return getter.invoke(model);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
