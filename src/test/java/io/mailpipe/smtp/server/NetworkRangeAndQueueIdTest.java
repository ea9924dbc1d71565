package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CIDR parsing and matching, and the sortable unique queue ids. */
class NetworkRangeAndQueueIdTest {

    @Test
    void cidrBlocksMatchTheirPrefixOnly() throws Exception {
        assertTrue(NetworkRange.parse("127.0.0.0/8").contains(InetAddress.getByName("127.9.8.7")));
        assertFalse(NetworkRange.parse("127.0.0.0/8").contains(InetAddress.getByName("128.0.0.1")));
        assertTrue(NetworkRange.parse("::1/128").contains(InetAddress.getByName("::1")));
        assertFalse(NetworkRange.parse("::1/128").contains(InetAddress.getByName("127.0.0.1")));
        assertTrue(NetworkRange.parse("::ffff:10.0.0.0/104").contains(InetAddress.getByName("10.1.2.3")));
        assertTrue(NetworkRange.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9")));
        assertEquals("10.0.0.0/8", NetworkRange.parse("10.20.30.40/8").toString());
        assertThrows(IllegalArgumentException.class, () -> NetworkRange.parse("example.org/8"));
        assertThrows(IllegalArgumentException.class, () -> NetworkRange.parse("10.0.0.0/33"));
    }

    @Test
    void queueIdsAreUniqueAndSortByCreation() {
        SortableQueueIdGenerator generator = new SortableQueueIdGenerator();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(generator.get());
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted);
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertTrue(ids.get(0).matches("[0-9A-HJKMNP-TV-Z]{20}"));
    }
}
