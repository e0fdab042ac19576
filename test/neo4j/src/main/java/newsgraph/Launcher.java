package newsgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Runs a real Neo4j 5 Community server in-process for the test suite.
 *
 * <p>Usage: {@code java -cp ... newsgraph.Launcher <boltPort> [workDir] [password]}. Bolt listens on 127.0.0.1
 * at the given port, HTTP is off. Without a password authentication is off; with one, user {@code neo4j} gets
 * that password (so tests can check that wrong credentials are refused). Once the server is up, the Bolt URI
 * is printed as one line
 * {@code NEO4J_URI=bolt://...} on stdout. The server stops and the JVM exits when stdin closes, so it never
 * outlives the process that started it.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Launcher <boltPort> [workDir] [password]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path workDir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("newsgraph-neo4j");
        String password = args.length > 2 ? args[2] : null;
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(workDir)
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, password != null)
                .build();
        if (password != null) {
            // In-process access to the system database bypasses auth: set the password, no change required.
            neo4j.databaseManagementService()
                    .database("system")
                    .executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            java.util.Map.of("password", password));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
        System.out.println("NEO4J_URI=bolt://127.0.0.1:" + port);
        System.out.flush();
        // Block until the parent closes our stdin (or dies), then stop.
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // ignore input; only end-of-stream matters
        }
        System.exit(0);
    }
}
