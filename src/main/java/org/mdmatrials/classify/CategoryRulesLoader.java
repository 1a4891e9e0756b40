package org.mdmatrials.classify;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mdmatrials.classify.CategoryRules.Field;
import org.mdmatrials.classify.CategoryRules.HealthyVolunteers;
import org.mdmatrials.classify.CategoryRules.Rule;
import org.mdmatrials.core.Indication;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@link CategoryRules} from a YAML file such as {@code config/categories.yaml}, refusing any
 * key, category or field it does not know so that a typo cannot silently drop a rule.
 */
public final class CategoryRulesLoader {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final List<String> TOP_KEYS =
      List.of("mdma-names", "precedence", "categories", "healthy-volunteers");
  private static final List<String> HEALTHY_KEYS = List.of("fields", "terms", "unless");
  private static final List<String> RULE_KEYS = List.of("fields", "weak-fields", "all-of");

  private final Path file;

  private CategoryRulesLoader(Path file) {
    this.file = file;
  }

  /** The rules in {@code file}; a {@link RulesException} names the file and the key at fault. */
  public static CategoryRules load(Path file) throws RulesException {
    CategoryRulesLoader loader = new CategoryRulesLoader(file);
    JsonNode root = loader.read();
    try {
      return loader.rules(root);
    } catch (IllegalArgumentException e) {
      throw new RulesException(file, e.getMessage(), e);
    }
  }

  private JsonNode read() throws RulesException {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.readTree(in);
    } catch (NoSuchFileException e) {
      throw new RulesException(file, "no such file", e);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String at = where == null ? "" : " at line " + where.getLineNr();
      // SnakeYAML's own message repeats the location over several lines; its problem is one.
      String problem =
          e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null
              ? yaml.getProblem()
              : e.getOriginalMessage();
      throw new RulesException(file, "not valid YAML" + at + ": " + problem, e);
    } catch (IOException e) {
      throw new RulesException(file, "cannot be read: " + e, e);
    }
  }

  private CategoryRules rules(JsonNode root) throws RulesException {
    if (root == null || !root.isObject()) {
      throw problem("", "expected a mapping of " + String.join(", ", TOP_KEYS), root);
    }
    checkKeys(root, "", TOP_KEYS);
    List<String> mdmaNames = texts(required(root, "", "mdma-names"), "mdma-names");
    List<Indication> precedence = new ArrayList<>();
    JsonNode order = list(required(root, "", "precedence"), "precedence", "categories");
    for (int i = 0; i < order.size(); i++) {
      String key = "precedence[" + i + "]";
      String name = text(order.get(i), key, "a category");
      precedence.add(category(name, key + ": unknown category '" + name + "'"));
    }
    JsonNode categories = required(root, "", "categories");
    if (!categories.isObject()) {
      throw problem("categories", "expected a mapping of category to rule", categories);
    }
    List<Rule> rules = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : categories.properties()) {
      String key = "categories." + entry.getKey();
      Indication category = category(entry.getKey(), "unknown category '" + key + "'");
      rules.add(rule(category, entry.getValue(), key));
    }
    JsonNode healthy = root.get("healthy-volunteers");
    return new CategoryRules(
        mdmaNames,
        precedence,
        rules,
        healthy == null ? HealthyVolunteers.NONE : healthyVolunteers(healthy));
  }

  private HealthyVolunteers healthyVolunteers(JsonNode node) throws RulesException {
    String key = "healthy-volunteers";
    if (!node.isObject()) {
      throw problem(key, "expected a mapping of " + String.join(", ", HEALTHY_KEYS), node);
    }
    checkKeys(node, key, HEALTHY_KEYS);
    JsonNode unless = node.get("unless");
    return new HealthyVolunteers(
        fields(required(node, key, "fields"), key + ".fields"),
        CategoryRules.terms(key + ".terms", texts(required(node, key, "terms"), key + ".terms")),
        unless == null ? List.of() : texts(unless, key + ".unless"));
  }

  private Rule rule(Indication category, JsonNode node, String key) throws RulesException {
    if (node == null || !node.isObject()) {
      throw problem(key, "expected a mapping of " + String.join(", ", RULE_KEYS), node);
    }
    checkKeys(node, key, RULE_KEYS);
    Set<Field> fields = fields(required(node, key, "fields"), key + ".fields");
    JsonNode weak = node.get("weak-fields");
    Set<Field> weakFields =
        weak == null ? EnumSet.noneOf(Field.class) : fields(weak, key + ".weak-fields");
    JsonNode groups = list(required(node, key, "all-of"), key + ".all-of", "term lists");
    List<List<String>> allOf = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      allOf.add(texts(groups.get(i), key + ".all-of[" + i + "]"));
    }
    return new Rule(category, allOf, fields, weakFields);
  }

  private Set<Field> fields(JsonNode node, String key) throws RulesException {
    JsonNode names = list(node, key, "fields");
    Set<Field> fields = EnumSet.noneOf(Field.class);
    for (int i = 0; i < names.size(); i++) {
      String itemKey = key + "[" + i + "]";
      String name = text(names.get(i), itemKey, "a field");
      if (!fields.add(field(name, itemKey))) {
        throw new RulesException(file, itemKey + ": " + name + " is listed twice");
      }
    }
    return fields;
  }

  private Field field(String name, String key) throws RulesException {
    for (Field field : Field.values()) {
      if (field.key().equals(name)) {
        return field;
      }
    }
    List<String> known = Arrays.stream(Field.values()).map(Field::key).toList();
    throw new RulesException(
        file, key + ": unknown field '" + name + "'; expected one of " + String.join(", ", known));
  }

  private Indication category(String name, String unknown) throws RulesException {
    for (Indication category : CategoryRules.CATEGORIES) {
      if (category.name().equals(name)) {
        return category;
      }
    }
    throw new RulesException(file, unknown + "; expected one of " + CategoryRules.categoryNames());
  }

  private List<String> texts(JsonNode node, String key) throws RulesException {
    JsonNode items = list(node, key, "terms");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      texts.add(text(items.get(i), key + "[" + i + "]", "a term"));
    }
    // Emptiness and blank terms are the record's rules; its message already names the key.
    return texts;
  }

  private String text(JsonNode node, String key, String expected) throws RulesException {
    if (node == null || !node.isTextual()) {
      throw problem(key, "expected " + expected + " (text)", node);
    }
    return node.textValue();
  }

  private JsonNode list(JsonNode node, String key, String ofWhat) throws RulesException {
    if (node == null || !node.isArray()) {
      throw problem(key, "expected a list of " + ofWhat, node);
    }
    return node;
  }

  private JsonNode required(JsonNode node, String parentKey, String name) throws RulesException {
    JsonNode child = node.get(name);
    if (child == null) {
      String where = parentKey.isEmpty() ? "top level" : parentKey;
      throw new RulesException(file, where + ": missing key '" + name + "'");
    }
    return child;
  }

  private void checkKeys(JsonNode node, String parentKey, List<String> known)
      throws RulesException {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!known.contains(entry.getKey())) {
        String key = parentKey.isEmpty() ? entry.getKey() : parentKey + "." + entry.getKey();
        throw new RulesException(
            file, "unknown key '" + key + "'; expected one of " + String.join(", ", known));
      }
    }
  }

  private RulesException problem(String key, String expected, JsonNode found) {
    String where = key.isEmpty() ? "top level" : key;
    return new RulesException(file, where + ": " + expected + " but was " + describe(found));
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "empty";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isTextual() ? "text" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
