package io.mailpipe.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ScriptedPeer} script for a well-behaved ESMTP server with PIPELINING and DSN that answers RCPT by the
 * recipient's local part: "temp…" gets 451 4.2.1, "bad…" gets 550 5.1.1, anything else 250. Each message taken is
 * recorded as the list of its accepted recipients.
 */
public final class RuleScript implements ScriptedPeer.Script {

    public final List<List<String>> messages = new CopyOnWriteArrayList<>();

    @Override
    public void run(ScriptedPeer.Conversation c) throws IOException {
        c.greetAndEhlo("PIPELINING", "DSN", "ENHANCEDSTATUSCODES", "8BITMIME");
        List<String> accepted = new ArrayList<>();
        String line;
        while ((line = c.read()) != null) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("RCPT TO:<")) {
                String address = line.substring(9, line.indexOf('>'));
                c.send(rcptReply(address, accepted));
            } else if (upper.equals("DATA")) {
                if (accepted.isEmpty()) {
                    c.send("554 5.5.1 no valid recipients\r\n");
                    continue;
                }
                c.send("354 go ahead\r\n");
                c.readUntil(".");
                messages.add(List.copyOf(accepted));
                accepted.clear();
                c.send("250 2.0.0 queued\r\n");
            } else if (upper.equals("QUIT")) {
                c.send("221 2.0.0 bye\r\n");
                return;
            } else {
                if (upper.equals("RSET")) {
                    accepted.clear();
                }
                c.send("250 2.0.0 ok\r\n");
            }
        }
    }

    private static String rcptReply(String address, List<String> accepted) {
        if (address.startsWith("temp")) {
            return "451 4.2.1 mailbox busy\r\n";
        }
        if (address.startsWith("bad")) {
            return "550 5.1.1 no such user\r\n";
        }
        accepted.add(address);
        return "250 2.1.5 ok\r\n";
    }
}
