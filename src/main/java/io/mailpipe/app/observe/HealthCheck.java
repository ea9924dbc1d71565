package io.mailpipe.app.observe;

/** One named check of the health endpoint; implementations answer quickly (cache what is slow) and never throw. */
public interface HealthCheck {

    String name();

    CheckResult check();

    /** The state of one check, with a short reason when it is down. */
    record CheckResult(boolean up, String detail) {

        public static CheckResult healthy() {
            return new CheckResult(true, null);
        }

        public static CheckResult unhealthy(String detail) {
            return new CheckResult(false, detail);
        }
    }
}
