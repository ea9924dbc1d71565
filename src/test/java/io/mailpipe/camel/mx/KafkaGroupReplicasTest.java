package io.mailpipe.camel.mx;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counting replicas from consumer group members: by members per replica, and by distinct hosts. */
class KafkaGroupReplicasTest {

    private static MemberDescription member(String id, String host) {
        return new MemberDescription(id, Optional.empty(), "client-" + id, host,
                new MemberAssignment(java.util.Set.of()));
    }

    @Test
    void membersPerReplicaRoundedUp() {
        List<MemberDescription> sixOnOneHost = List.of(member("a", "/10.0.0.1"), member("b", "/10.0.0.1"),
                member("c", "/10.0.0.1"), member("d", "/10.0.0.1"), member("e", "/10.0.0.1"),
                member("f", "/10.0.0.1"));
        assertEquals(2, KafkaGroupReplicas.count(sixOnOneHost, 3));
        assertEquals(3, KafkaGroupReplicas.count(sixOnOneHost.subList(0, 5), 2));
    }

    @Test
    void distinctHostsCountWhenReplicasRunFewerConsumers() {
        assertEquals(3, KafkaGroupReplicas.count(List.of(member("a", "/10.0.0.1"), member("b", "/10.0.0.2"),
                member("c", "/10.0.0.3")), 3));
    }

    @Test
    void anEmptyGroupStillLeavesOneReplica() {
        assertEquals(1, KafkaGroupReplicas.count(List.of(), 3));
    }
}
