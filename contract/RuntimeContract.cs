// The enums the generated code names and the generator reasons about: one source file compiled into both assemblies
// (System.Text.Json's Common/ pattern), so a member cannot exist on one side only. In the runtime they are public API
// (hidden from IntelliSense: only generated code uses them); in the generator, internal model types.
// Renaming or removing a member breaks generated code that users have compiled: add, never rename.

#if APIFORGE_GENERATOR
namespace Apiforge.Generator.Model;
#else
namespace Apiforge.Runtime;
#endif

/// <summary>OpenAPI's parameter <c>style</c>.</summary>
#if APIFORGE_GENERATOR
internal
#else
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public
#endif
enum ParameterStyle
{
    /// <summary><c>blue,black</c>; objects <c>R,100,G,200</c> or, exploded, <c>R=100,G=200</c>. Path and header default.</summary>
    Simple,

    /// <summary><c>.blue</c>; arrays <c>.blue,black</c> or, exploded, <c>.blue.black</c>.</summary>
    Label,

    /// <summary><c>;color=blue</c>; arrays <c>;color=blue,black</c> or, exploded, <c>;color=blue;color=black</c>.</summary>
    Matrix,

    /// <summary><c>color=blue&amp;color=black</c> (exploded) or <c>color=blue,black</c>. Query, cookie and form-body default.</summary>
    Form,

    /// <summary><c>color=blue%20black</c>.</summary>
    SpaceDelimited,

    /// <summary><c>color=blue%7Cblack</c>.</summary>
    PipeDelimited,

    /// <summary><c>color=blue%09black</c>: Swagger 2.0 <c>collectionFormat: tsv</c> (OpenAPI 3 has no such style).</summary>
    TabDelimited,

    /// <summary><c>color[R]=100&amp;color[G]=200</c>; nested objects <c>a[b][c]=1</c>, arrays <c>a[0]=x</c> (Stripe's encoding).</summary>
    DeepObject,
}

/// <summary>The kinds of security scheme an API description can name that a client can satisfy.</summary>
#if APIFORGE_GENERATOR
internal
#else
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public
#endif
enum ApiSecuritySchemeKind
{
    /// <summary><c>Authorization: Bearer &lt;token&gt;</c> (http bearer, and OAuth 2 / OpenID Connect access tokens).</summary>
    Bearer,

    /// <summary><c>Authorization: Basic &lt;base64(user:password)&gt;</c>.</summary>
    Basic,

    /// <summary>A key in a header, the query string or a cookie.</summary>
    ApiKey,
}

/// <summary>Where an API key goes.</summary>
#if APIFORGE_GENERATOR
internal
#else
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public
#endif
enum ApiKeyLocation
{
    /// <summary>A request header.</summary>
    Header,

    /// <summary>A query string parameter.</summary>
    Query,

    /// <summary>A cookie.</summary>
    Cookie,
}
