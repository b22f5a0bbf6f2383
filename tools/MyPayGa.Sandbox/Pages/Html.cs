using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MyPayGa.Sandbox.Pages;

/// <summary>Minimal HTML helpers: one layout, encoding of every dynamic value.</summary>
internal static class Html
{
    // Accents stay readable ("volée"); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(Layout(title, body), "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);

    public static string Layout(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>{{E(title)}} — MyPayGa SANDBOX</title>
          <style>
            body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
            .banner { background: #b3261e; color: #fff; padding: .5rem 1rem; font-weight: 700; letter-spacing: .05em; }
            main { max-width: 52rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: .5rem; }
            h1 { font-size: 1.4rem; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
            th, td { border: 1px solid #d5d8de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            th { background: #eef0f3; }
            label { display: block; margin: .6rem 0 .2rem; font-weight: 600; }
            input { font-size: 1rem; padding: .4rem; width: 16rem; }
            button { font-size: 1rem; padding: .5rem 1.4rem; margin-top: 1rem; background: #1d5bbf; color: #fff; border: 0; border-radius: .3rem; cursor: pointer; }
            button.small { font-size: .8rem; padding: .2rem .6rem; margin: 0; }
            .ok { color: #1b6e2d; } .ko { color: #b3261e; }
            .muted { color: #5c6370; font-size: .9rem; }
            code { background: #eef0f3; padding: 0 .2rem; }
          </style>
        </head>
        <body>
          <div class="banner">MyPayGa SANDBOX — test environment, no real money moves</div>
          <main>
          <h1>{{E(title)}}</h1>
        {{body}}
          </main>
        </body>
        </html>
        """;

    /// <summary>A plain message page (errors, outcomes).</summary>
    public static IResult Message(string title, string message, int statusCode = StatusCodes.Status200OK,
        string? cssClass = null) =>
        Page(title, $"""<p class="{E(cssClass)}">{E(message)}</p>""", statusCode);
}
