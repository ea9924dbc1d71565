package io.mailpipe.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A {@code kustomization.yaml} as a typed value holding the kustomize fields this project uses; any other field
 * (a misspelling, or a feature the checks do not follow yet) fails the parse.
 */
record Kustomization(String apiVersion, String kind, List<String> resources, List<String> components,
                     List<Generator> configMapGenerator, List<Image> images) {

    static final String FILE_NAME = "kustomization.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A configMapGenerator entry: files are {@code path} or {@code key=path}, relative to the kustomization. */
    record Generator(String name, String behavior, List<String> files, Map<String, Object> options) {

        List<String> fileList() {
            return files == null ? List.of() : files;
        }
    }

    /** An images entry: containers whose image is {@code name} get {@code newName:newTag}. */
    record Image(String name, String newName, String newTag) {
    }

    Kustomization {
        resources = resources == null ? List.of() : resources;
        components = components == null ? List.of() : components;
        configMapGenerator = configMapGenerator == null ? List.of() : configMapGenerator;
        images = images == null ? List.of() : images;
    }

    static Kustomization read(Path file) {
        try {
            return YAML.readValue(file.toFile(), Kustomization.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
