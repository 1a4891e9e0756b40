package org.mdmatrials.http;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A failure in words an operator can act on, on one line: which host, and what happened ("could not
 * reach www.isrctn.com (no such host)"), with URLs decoded and shortened. Exception class names and
 * stack traces are left to the log.
 */
public final class FailureText {
  /** The longest a URL is shown; the log has the whole of it. */
  private static final int URL_LENGTH = 80;

  /** The longest a quoted registry text or problem is shown. */
  private static final int TEXT_LENGTH = 160;

  private FailureText() {}

  /** What went wrong, in words. */
  public static String of(Throwable failure) {
    if (failure instanceof HttpStatusException e) {
      return status(e);
    }
    if (failure instanceof MalformedResponseException e) {
      return host(e.url())
          + " sent an unusable answer to "
          + request(e.url())
          + ": "
          + clip(e.problem(), TEXT_LENGTH);
    }
    if (failure instanceof RequestFailedException e) {
      return transport(e.url(), e.getCause());
    }
    if (failure instanceof RuntimeException) {
      return "failed unexpectedly: "
          + message(failure)
          + " (a fault in mdma-trials: the log has the details; please report it)";
    }
    return message(failure);
  }

  /** A URL without its scheme, decoded, and cut to a readable length: {@code host/path?query}. */
  public static String url(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed == null
        ? clip(url, URL_LENGTH)
        : clip(hostOf(parsed) + target(parsed), URL_LENGTH);
  }

  /** The path and query of a URL, decoded and cut to a readable length. */
  private static String request(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return clip(parsed == null ? url : target(parsed), URL_LENGTH);
  }

  private static String target(HttpUrl url) {
    String query = url.query();
    return "/" + String.join("/", url.pathSegments()) + (query == null ? "" : "?" + query);
  }

  /** A request to {@code url} that failed in transport with {@code cause}, in words. */
  static String transport(String url, @Nullable Throwable cause) {
    String host = host(url);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "could not reach " + host + " (no such host)";
      }
      if (t instanceof SocketTimeoutException) {
        return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect")
            ? "could not reach " + host + " (timed out)"
            : host + " stopped answering (timed out)";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return "could not reach " + host + " (" + reason(innermost(t)) + ")";
      }
      if (t instanceof SSLException) {
        return "could not reach " + host + " securely (" + reason(innermost(t)) + ")";
      }
      if (t instanceof InterruptedIOException && "timeout".equals(t.getMessage())) {
        // OkHttp's call timeout: the whole try took longer than http.call-timeout-seconds.
        return host + " took longer to answer than http.call-timeout-seconds allows";
      }
      if (t instanceof SocketException || t instanceof EOFException) {
        return "the connection to " + host + " broke off (" + reason(innermost(t)) + ")";
      }
    }
    return cause == null ? "could not reach " + host : host + ": " + message(cause);
  }

  private static String status(HttpStatusException e) {
    int code = e.status();
    String detail = e.detail().isBlank() ? "" : ": " + clip(e.detail(), TEXT_LENGTH);
    if (code == 429 || code >= 500) {
      String kind = code == 429 ? "too many requests" : "a fault on the registry's side";
      return host(e.url()) + " answered HTTP " + code + " (" + kind + ")" + detail;
    }
    return host(e.url()) + " refused " + request(e.url()) + " with HTTP " + code + detail;
  }

  /** The host of a URL, with its port when it is not the scheme's own. */
  private static String host(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed == null ? url : hostOf(parsed);
  }

  private static String hostOf(HttpUrl url) {
    boolean ownPort = url.port() == HttpUrl.defaultPort(url.scheme());
    return url.host() + (ownPort ? "" : ":" + url.port());
  }

  /** A failure's own message, with files' problems in words. */
  private static String message(Throwable failure) {
    if (failure instanceof FileSystemException e) {
      return e.getFile() == null ? fileProblem(e) : e.getFile() + ": " + fileProblem(e);
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? "(no message)" : clip(message, TEXT_LENGTH * 2);
  }

  /** What a file system refused, in words: its exceptions' class names say it for most. */
  private static String fileProblem(FileSystemException e) {
    String reason = e.getReason();
    if (reason != null) {
      return reason;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "exists already";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    return e instanceof DirectoryNotEmptyException ? "the folder is not empty" : "refused";
  }

  /** A JDK reason such as "Connection refused", as words inside a sentence. */
  private static String reason(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return "no reason given";
    }
    String text = clip(message, TEXT_LENGTH);
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static Throwable innermost(Throwable t) {
    Throwable inner = t;
    for (Throwable cause = inner.getCause(); cause != null; cause = cause.getCause()) {
      inner = cause;
    }
    return inner;
  }

  /** Text on one line, cut at {@code length} characters. */
  private static String clip(String text, int length) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= length ? line : line.substring(0, length - 1) + "…";
  }
}
