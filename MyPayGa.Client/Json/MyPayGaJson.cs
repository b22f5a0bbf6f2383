using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyPayGa.Client.Json;

/// <summary>The tolerant reading of MyPayGa bodies (API.md, "Quirks").</summary>
internal static class MyPayGaJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            AllowTrailingCommas = true,
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            MaxDepth = 32,
        };
        options.Converters.Add(new MyPayGaStatusJsonConverter());
        options.Converters.Add(new FlexibleDecimalConverter());
        options.Converters.Add(new FlexibleBooleanConverter());
        options.Converters.Add(new LenientStringConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The raw text of a number token ("200", "0.0175", "-10.03").</summary>
    internal static string NumberText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence
            ? Encoding.UTF8.GetString(reader.ValueSequence)
            : Encoding.UTF8.GetString(reader.ValueSpan);

    internal static decimal? ParseDecimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Float: sign, decimal point, exponent; no thousands separator ("1,5" must not become 15).
        return decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}

/// <summary>Reads a status from "200", 200, 200.0, or null/missing (Raw null). Writes it as a string.</summary>
public sealed class MyPayGaStatusJsonConverter : JsonConverter<MyPayGaStatus>
{
    public override bool HandleNull => true;

    public override MyPayGaStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                return new MyPayGaStatus(string.IsNullOrEmpty(text) ? null : text);
            case JsonTokenType.Number:
                // 200 and 200.0 both mean "200".
                if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number))
                {
                    return new MyPayGaStatus(decimal.Truncate(number).ToString(CultureInfo.InvariantCulture));
                }

                return new MyPayGaStatus(MyPayGaJson.NumberText(ref reader));
            case JsonTokenType.True or JsonTokenType.False:
                return new MyPayGaStatus(reader.TokenType == JsonTokenType.True ? "true" : "false");
            default:
                // An object or array where a status was expected: not a success, whatever it holds.
                reader.Skip();
                return default;
        }
    }

    public override void Write(Utf8JsonWriter writer, MyPayGaStatus value, JsonSerializerOptions options)
    {
        if (value.Raw is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Raw);
        }
    }
}

/// <summary>decimal? from a number or a numeric string; "" and null are null; other text is an error.</summary>
internal sealed class FlexibleDecimalConverter : JsonConverter<decimal?>
{
    public override bool HandleNull => true;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var value) ? value : throw new JsonException("A number is out of range.");
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                return MyPayGaJson.ParseDecimal(text) ?? throw new JsonException("An amount is not a number.");
            default:
                throw new JsonException($"An amount is a {reader.TokenType}, not a number.");
        }
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteNumberValue(value.Value);
        }
    }
}

/// <summary>bool? from true/false, 0/1, "0"/"1", "true"/"false"; anything else is null (unknown).</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var n) ? FromNumber(n) : null;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (bool.TryParse(text, out var b))
                {
                    return b;
                }

                return MyPayGaJson.ParseDecimal(text) is { } d ? FromNumber(d) : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    private static bool? FromNumber(decimal n) => n switch
    {
        0 => false,
        1 => true,
        _ => null,
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBooleanValue(value.Value);
        }
    }
}

/// <summary>string from a string, a number (its text) or a boolean; objects and arrays are skipped (null).</summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return MyPayGaJson.NumberText(ref reader);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

/// <summary>A list that MyPayGa may also send as a single object (or null).</summary>
internal sealed class SingleOrArrayConverter<T> : JsonConverter<List<T>?>
{
    public override bool HandleNull => true;

    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return [];
            case JsonTokenType.StartArray:
                var list = new List<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    list.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
                }

                return list;
            case JsonTokenType.StartObject:
                return [JsonSerializer.Deserialize<T>(ref reader, options)!];
            default:
                throw new JsonException($"Expected a list, found a {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, List<T>? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value?.ToArray() ?? [], options);
}
