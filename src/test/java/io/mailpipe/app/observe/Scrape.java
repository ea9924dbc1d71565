package io.mailpipe.app.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test client of the management endpoint: GET a path, and parse the Prometheus text format into sample values. */
final class Scrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Scrape() {
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sample name with its label set as printed (labels sorted by name) mapped to its value. */
    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    static Map<String, Double> metrics(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, ManagementServer.METRICS_PATH);
        if (response.statusCode() != 200) {
            throw new AssertionError("metrics answered " + response.statusCode());
        }
        return samples(response.body());
    }
}
