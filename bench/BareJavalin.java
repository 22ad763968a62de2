import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ceiling for bench/compare.sh: bare Javalin answering the same static JSON bodies vidsim
 * returns (create 201, poll 200), with no engine work. Compiled and run by compare.sh against
 * vidsim's own classpath, so the Javalin and Jetty versions are the simulator's.
 * Usage: BareJavalin PORT BODIES_DIR
 */
public final class BareJavalin {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] created = Files.readAllBytes(Path.of(args[1], "create.json"));
    byte[] polled = Files.readAllBytes(Path.of(args[1], "poll.json"));
    Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/v1/videos", ctx -> ctx.status(201).contentType("application/json")
          .result(created));
      config.routes.get("/v1/videos/{id}", ctx -> ctx.contentType("application/json")
          .result(polled));
    }).start("127.0.0.1", port);
  }
}
