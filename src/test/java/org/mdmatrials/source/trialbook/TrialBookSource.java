package org.mdmatrials.source.trialbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.TrialSource;

/** Every TrialBook trial matching the query, in one response. */
final class TrialBookSource implements TrialSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClient client;
  private final HttpUrl baseUrl;
  private final String query;

  TrialBookSource(RegistryClient client, HttpUrl baseUrl, String query) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.query = query;
  }

  @Override
  public org.mdmatrials.core.Registry registry() {
    return TrialBookModule.REGISTRY;
  }

  @Override
  public SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException {
    HttpUrl url =
        baseUrl.newBuilder().addPathSegment("trials").addQueryParameter("q", query).build();
    JsonNode trials =
        client
            .get(url)
            .accepting("application/json")
            .read(body -> JSON.readTree(body.bytes(), 0, body.length()).path("trials"));
    for (JsonNode trial : trials) {
      sink.accept(toTrial(trial), Payload.of(trial.toString()));
    }
    return new SourceSummary(
        TrialBookModule.REGISTRY, "q=" + query, true, null, trials.size(), trials.size(), 0, 1);
  }

  private static Trial toTrial(JsonNode trial) {
    List<String> conditions = new ArrayList<>();
    trial.path("conditions").forEach(c -> conditions.add(c.asText()));
    List<SecondaryId> cited = new ArrayList<>();
    trial.path("cites").forEach(id -> cited.add(new SecondaryId("REGISTRY", id.asText(), null)));
    String id = trial.path("id").asText();
    return Trial.builder(id, TrialBookModule.REGISTRY)
        .url("https://trialbook.invalid/" + id)
        .title(trial.path("title").asText())
        .conditions(conditions)
        .secondaryIds(cited)
        .build();
  }
}
