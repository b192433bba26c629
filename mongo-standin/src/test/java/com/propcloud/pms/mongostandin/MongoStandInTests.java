package com.propcloud.pms.mongostandin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStandInTests {

    @TempDir
    Path data;

    @Test
    void documentsAndFilesSurviveARestartWithTheSameDataDirectory() {
        ObjectId fileId;
        try (MongoStandIn standIn = MongoStandIn.start(settings());
                MongoClient client = MongoClients.create(standIn.connectionString())) {
            MongoCollection<Document> audit = client.getDatabase("pms").getCollection("audit");
            audit.createIndex(Indexes.ascending("tenantId", "at"));
            audit.insertOne(new Document("_id", "e-1")
                    .append("tenantId", "demo")
                    .append("action", "ticket.read")
                    .append("at", 1));
            audit.insertOne(
                    new Document("_id", "e-2").append("tenantId", "other").append("at", 2));
            GridFSBucket photos = GridFSBuckets.create(client.getDatabase("pms"), "photos");
            fileId = photos.uploadFromStream(
                    "leak.jpg", new ByteArrayInputStream("not really a jpeg".getBytes(StandardCharsets.UTF_8)));
        }

        try (MongoStandIn standIn = MongoStandIn.start(settings());
                MongoClient client = MongoClients.create(standIn.connectionString())) {
            MongoCollection<Document> audit = client.getDatabase("pms").getCollection("audit");
            assertThat(audit.countDocuments()).isEqualTo(2);
            Document found = audit.find(Filters.eq("tenantId", "demo")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("action")).isEqualTo("ticket.read");
            assertThat(audit.listIndexes().map(index -> index.getString("name")))
                    .contains("tenantId_1_at_1");
            ByteArrayOutputStream photo = new ByteArrayOutputStream();
            GridFSBuckets.create(client.getDatabase("pms"), "photos").downloadToStream(fileId, photo);
            assertThat(photo.toString(StandardCharsets.UTF_8)).isEqualTo("not really a jpeg");
        }
    }

    @Test
    void optionsOverrideEnvironmentWhichOverridesDefaults() {
        StandInSettings defaults = StandInSettings.parse(new String[0], Map.of());
        assertThat(defaults.port()).isEqualTo(27017);
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.dataDir()).isEqualTo(Path.of("mongo-data"));

        Map<String, String> env = Map.of("MONGO_STANDIN_PORT", "27018", "MONGO_STANDIN_DATA", "/var/lib/standin");
        assertThat(StandInSettings.parse(new String[0], env))
                .isEqualTo(new StandInSettings("127.0.0.1", 27018, Path.of("/var/lib/standin"), false));
        assertThat(StandInSettings.parse(new String[] {"--port", "0", "--data=.run/mongo", "--bind", "0.0.0.0"}, env))
                .isEqualTo(new StandInSettings("0.0.0.0", 0, Path.of(".run/mongo"), false));
    }

    @Test
    void refusesBadOptions() {
        assertThatThrownBy(() -> StandInSettings.parse(new String[] {"--port", "seventy"}, Map.of()))
                .hasMessageContaining("not a port");
        assertThatThrownBy(() -> StandInSettings.parse(new String[] {"--data"}, Map.of()))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> StandInSettings.parse(new String[] {"--verbose"}, Map.of()))
                .hasMessageContaining("unknown option");
    }

    private StandInSettings settings() {
        return new StandInSettings("127.0.0.1", 0, data, false);
    }
}
