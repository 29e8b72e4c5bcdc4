package dev.parley.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts Neo4j community embedded, with only a Bolt connector on a loopback address, so that
 * Parley talks to it through neo4j-driver exactly as it would talk to a server.
 *
 * Protocol with the parent process (src/neo4j/embedded.ts):
 *   stdout: one line "PARLEY_NEO4J_READY bolt://127.0.0.1:PORT" once the default database is up,
 *           or "PARLEY_NEO4J_FAILED reason" before exiting non-zero.
 *   stdin:  with --watch-stdin, end-of-input means the parent is gone: shut down and exit, so an
 *           embedded database never outlives the app that started it.
 *   SIGTERM/SIGINT: clean shutdown (checkpoint, release the store lock), then exit 0.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] argv) {
        Map<String, String> args = parse(argv);
        Path home = Path.of(args.getOrDefault("home", "./.parley/neo4j")).toAbsolutePath();
        String host = args.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(args.getOrDefault("port", "7687"));
        long pageCacheMiB = Long.parseLong(args.getOrDefault("pagecache-mib", "512"));
        boolean watchStdin = args.containsKey("watch-stdin");

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(home);
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(HttpConnector.enabled, false)
                    // Loopback only, started and owned by the app: see docs/decisions.md.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                    // Netty's default quiet period adds ~10 s to every stop; open connections are
                    // closed by the database shutdown itself, so there is nothing to wait for.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (Throwable e) {
            fail(rootMessage(e));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } catch (Throwable ignored) {
                // Shutting down anyway; nothing useful to report to a parent that is gone.
            }
            stopped.countDown();
        }, "parley-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(5).toMillis())) {
            fail("the default database did not become available within 5 minutes");
            return;
        }

        // With --port=0 the OS picks the port; report the one actually bound.
        int boundPort = ((GraphDatabaseAPI) db)
                .getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        System.out.println("PARLEY_NEO4J_READY bolt://" + host + ":" + boundPort);
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // The parent never writes; we only wait for the pipe to close.
                    }
                } catch (IOException ignored) {
                    // A broken pipe means the same as end-of-input.
                }
                System.exit(0);
            }, "parley-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(String reason) {
        System.out.println("PARLEY_NEO4J_FAILED " + reason.replace('\n', ' '));
        System.out.flush();
        System.exit(1);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(" <- ").append(t.getMessage());
        }
        return sb.toString();
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (String a : argv) {
            if (!a.startsWith("--")) {
                continue;
            }
            int eq = a.indexOf('=');
            if (eq < 0) {
                out.put(a.substring(2), "true");
            } else {
                out.put(a.substring(2, eq), a.substring(eq + 1));
            }
        }
        return out;
    }
}
