using Apiforge.Runtime;
using AutoRest.BodyArray;
using AutoRest.BodyBoolean;
using AutoRest.BodyByte;
using AutoRest.BodyComplex;
using AutoRest.BodyDate;
using AutoRest.BodyDateTime;
using AutoRest.BodyDateTimeRfc1123;
using AutoRest.BodyDictionary;
using AutoRest.BodyDuration;
using AutoRest.BodyFile;
using AutoRest.BodyFormData;
using AutoRest.BodyInteger;
using AutoRest.BodyNumber;
using AutoRest.BodyString;
using AutoRest.ExtensibleEnums;
using AutoRest.Header;
using AutoRest.Http;
using AutoRest.RequiredOptional;
using AutoRest.Url;
using AutoRest.UrlMulti;
using AutoRest.Validation;
using AutoRest.XmsErrors;

namespace Apiforge.Conformance.Tests;

/// <summary>One generated client per vanilla swagger, all on the same HttpClient aimed at the test server.</summary>
public sealed class Clients : IDisposable
{
    private readonly HttpClient _http;

    public Clients(Uri baseAddress)
    {
        // The retry scenarios (HttpRetry*) answer 408/500/502/503/504 once and expect the request again: the
        // application's resilience handler does that, as AutoRest's clients' pipelines do.
        _http = new HttpClient(new RetryOnceHandler(new ApiAuthenticationHandler(new ApiCredentials(), new SocketsHttpHandler())))
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        Strings = new BodyStringClient(_http);
        Integers = new BodyIntegerClient(_http);
        Numbers = new BodyNumberClient(_http);
        Booleans = new BodyBooleanClient(_http);
        Bytes = new BodyByteClient(_http);
        Dates = new BodyDateClient(_http);
        DateTimes = new BodyDateTimeClient(_http);
        Rfc1123 = new BodyDateTimeRfc1123Client(_http);
        Durations = new BodyDurationClient(_http);
        Complex = new BodyComplexClient(_http);
        Arrays = new BodyArrayClient(_http);
        Dictionaries = new BodyDictionaryClient(_http);
        Url = new UrlClient(_http);
        UrlMulti = new UrlMultiClient(_http);
        Headers = new HeaderClient(_http);
        RequiredOptional = new RequiredOptionalClient(_http);
        Http = new HttpInfrastructureClient(_http);
        Files = new BodyFileClient(_http);
        FormData = new BodyFormDataClient(_http);
        ExtensibleEnums = new ExtensibleEnumsClient(_http);
        XmsErrors = new XmsErrorsClient(_http);
        Validation = new ValidationClient(_http);
    }

    public IBodyStringClient Strings { get; }
    public IBodyIntegerClient Integers { get; }
    public IBodyNumberClient Numbers { get; }
    public IBodyBooleanClient Booleans { get; }
    public IBodyByteClient Bytes { get; }
    public IBodyDateClient Dates { get; }
    public IBodyDateTimeClient DateTimes { get; }
    public IBodyDateTimeRfc1123Client Rfc1123 { get; }
    public IBodyDurationClient Durations { get; }
    public IBodyComplexClient Complex { get; }
    public IBodyArrayClient Arrays { get; }
    public IBodyDictionaryClient Dictionaries { get; }
    public IUrlClient Url { get; }
    public IUrlMultiClient UrlMulti { get; }
    public IHeaderClient Headers { get; }
    public IRequiredOptionalClient RequiredOptional { get; }
    public IHttpInfrastructureClient Http { get; }
    public IBodyFileClient Files { get; }
    public IBodyFormDataClient FormData { get; }
    public IExtensibleEnumsClient ExtensibleEnums { get; }
    public IXmsErrorsClient XmsErrors { get; }
    public IValidationClient Validation { get; }

    public void Dispose() => _http.Dispose();

    private sealed class RetryOnceHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private static readonly int[] Transient = [408, 500, 502, 503, 504];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (!Transient.Contains((int)response.StatusCode))
            {
                return response;
            }

            response.Dispose();
            using var again = new HttpRequestMessage(request.Method, request.RequestUri);
            foreach (var header in request.Headers)
            {
                again.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (body is not null)
            {
                again.Content = new ByteArrayContent(body);
                foreach (var header in request.Content!.Headers)
                {
                    again.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            foreach (var option in request.Options)
            {
                ((IDictionary<string, object?>)again.Options)[option.Key] = option.Value;
            }

            return await base.SendAsync(again, cancellationToken);
        }
    }
}
