package org.mdmatrials.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import okhttp3.HttpUrl;
import org.mdmatrials.Fixtures;

/**
 * A ClinicalTrials.gov stand-in: serves {@code N} studies, renumbered copies of recorded real ones,
 * in pages of the size asked (1000 by default), generating each page when it is asked for so that
 * 200,000 studies need no more memory than one page. It can fail a share of its requests the ways
 * registries do: 503 with an HTML page, 429 with Retry-After, a body cut off mid-transfer, and a
 * complete response whose JSON is cut in half. It can also send no faster than a given number of
 * megabytes a second, as a registry reached over a network would.
 *
 * <p>Usage: {@code StandInRegistry STUDIES PORT [FAILURE_RATE [MEGABYTES_PER_SECOND]]} (0 for none
 * and no limit). Serves {@code /api/v2/version} and {@code /api/v2/studies?pageToken=K}.
 */
public final class StandInRegistry implements AutoCloseable {
  static final int PAGE_SIZE = 1000;

  /** The ids given out: NCT9 and seven digits, NCT90000000 on. */
  private static final int ID_LENGTH = "NCT90000000".length();

  /** Real records without results, averaging about 12 kB as JSON. */
  private static final List<String> RECORDS = List.of("NCT00184067", "NCT03934567", "NCT05147467");

  private static final int CHUNK = 64 * 1024;

  private final int studies;
  private final double failureRate;
  private final double bytesPerSecond;
  private final Random random;
  private final byte[][] prefixes = new byte[RECORDS.size()][];
  private final byte[][] suffixes = new byte[RECORDS.size()][];
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private int failures;

  private StandInRegistry(
      int studies, int port, double failureRate, long seed, double megabytesPerSecond)
      throws IOException {
    if (studies < 0 || studies > 10_000_000) {
      throw new IllegalArgumentException("serves 0 to 10,000,000 studies, not " + studies);
    }
    this.studies = studies;
    this.failureRate = failureRate;
    this.bytesPerSecond = megabytesPerSecond * 1_000_000;
    this.random = new Random(seed);
    for (int i = 0; i < RECORDS.size(); i++) {
      String id = String.format("NCT9%07d", 0);
      String json = Fixtures.renumbered(record(RECORDS.get(i)), 0).toString();
      int at = json.indexOf(id);
      prefixes[i] = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
      suffixes[i] = json.substring(at + id.length()).getBytes(StandardCharsets.UTF_8);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/api/v2/version", e -> answer(e, versionBody()));
    server.createContext(
        "/api/v2/studies",
        e -> answer(e, page(HttpUrl.get("http://stand-in" + e.getRequestURI()))));
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Starts serving on {@code port} (0 for any free port).
   *
   * @param failureRate the share of requests answered with a failure, 0 to 1
   * @param seed makes the failures repeatable
   */
  public static StandInRegistry start(int studies, int port, double failureRate, long seed)
      throws IOException {
    return new StandInRegistry(studies, port, failureRate, seed, 0);
  }

  public static void main(String[] args) throws IOException {
    double failureRate = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    double megabytesPerSecond = args.length > 3 ? Double.parseDouble(args[3]) : 0;
    StandInRegistry registry =
        new StandInRegistry(
            Integer.parseInt(args[0]),
            Integer.parseInt(args[1]),
            failureRate,
            1,
            megabytesPerSecond);
    System.out.println("serving " + args[0] + " studies at " + registry.apiRoot());
  }

  /** The API root to give the harvest: {@code http://127.0.0.1:PORT/api/v2}. */
  public String apiRoot() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
  }

  /** How many requests were answered with a failure. */
  public synchronized int failures() {
    return failures;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void answer(HttpExchange exchange, byte[] body) throws IOException {
    try (exchange) {
      switch (nextFailure()) {
        case 0 ->
            send(
                exchange,
                503,
                "text/html",
                "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
        case 1 -> {
          exchange.getResponseHeaders().set("Retry-After", "1");
          send(exchange, 429, "text/plain", "Too Many Requests".getBytes(StandardCharsets.UTF_8));
        }
        case 2 -> {
          // Announces the whole body, sends half, and hangs up.
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body, 0, body.length / 2);
        }
        case 3 -> send(exchange, 200, "application/json", Arrays.copyOf(body, body.length / 2));
        default -> send(exchange, 200, "application/json", body);
      }
    }
  }

  /** -1 for a proper answer, else which failure. */
  private synchronized int nextFailure() {
    if (random.nextDouble() >= failureRate) {
      return -1;
    }
    failures++;
    return random.nextInt(4);
  }

  private void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (bytesPerSecond == 0) {
        out.write(body);
        return;
      }
      long start = System.nanoTime();
      for (int at = 0; at < body.length; at += CHUNK) {
        int length = Math.min(CHUNK, body.length - at);
        out.write(body, at, length);
        long due = start + (long) ((at + length) / bytesPerSecond * 1e9);
        LockSupport.parkNanos(due - System.nanoTime());
      }
    }
  }

  private static byte[] versionBody() {
    return Fixtures.version("2026-11-27T09:15:02").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The page the URL asks for: its {@code pageSize} studies from the token's offset on, put
   * together from the recorded studies' bytes with each new id written in, so that serving costs
   * the benchmark's machine little beside the harvest it measures.
   */
  private byte[] page(HttpUrl url) {
    String token = url.queryParameter("pageToken");
    String size = url.queryParameter("pageSize");
    int first = token == null ? 0 : Integer.parseInt(token);
    int end = Math.min(studies, first + (size == null ? PAGE_SIZE : Integer.parseInt(size)));
    byte[] head = "{\"studies\":[".getBytes(StandardCharsets.UTF_8);
    StringBuilder tail = new StringBuilder("]");
    if (first == 0) {
      tail.append(",\"totalCount\":").append(studies);
    }
    if (end < studies) {
      tail.append(",\"nextPageToken\":\"").append(end).append('"');
    }
    byte[] last = tail.append('}').toString().getBytes(StandardCharsets.UTF_8);
    int length = head.length + last.length;
    for (int n = first; n < end; n++) {
      int record = n % RECORDS.size();
      length += (n > first ? 1 : 0) + prefixes[record].length + ID_LENGTH + suffixes[record].length;
    }
    byte[] page = new byte[length];
    int at = put(head, page, 0);
    for (int n = first; n < end; n++) {
      if (n > first) {
        page[at++] = ',';
      }
      int record = n % RECORDS.size();
      at = put(prefixes[record], page, at);
      page[at] = 'N';
      page[at + 1] = 'C';
      page[at + 2] = 'T';
      page[at + 3] = '9';
      for (int digit = ID_LENGTH - 1, rest = n; digit >= 4; digit--, rest /= 10) {
        page[at + digit] = (byte) ('0' + rest % 10);
      }
      at = put(suffixes[record], page, at + ID_LENGTH);
    }
    put(last, page, at);
    return page;
  }

  private static int put(byte[] bytes, byte[] into, int at) {
    System.arraycopy(bytes, 0, into, at, bytes.length);
    return at + bytes.length;
  }

  private static ObjectNode record(String nctId) {
    if (nctId.equals("NCT05147467")) {
      return (ObjectNode)
          Fixtures.json("ctgov/pages/search-page-with-next-token-1.json").get("studies").get(0);
    }
    return Fixtures.study(nctId);
  }
}
