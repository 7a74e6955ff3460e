using System.Globalization;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>The error messages of the real API (contract §6), in one place.</summary>
internal static class ApiErrors
{
    public const string InvalidRequest = "invalid_request_error";
    public const string VideoUserError = "video_generation_user_error";

    public static ApiException MissingApiKey() => new(401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");

    public static ApiException IncorrectApiKey(string key) => new(401,
        $"Incorrect API key provided: {Redact(key)}. You can find your API key at https://platform.openai.com/account/api-keys.",
        code: "invalid_api_key");

    public static ApiException VideoNotFound(string id) => new(404, $"Video with id '{id}' not found.", param: "video_id", code: "not_found");

    public static ApiException VideoDeleted(string id) => new(404, $"Video with id '{id}' was deleted.", param: "video_id", code: "not_found");

    public static ApiException UnknownCursor(string after) =>
        new(400, $"Invalid 'after': no video with id '{after}' exists.", param: "after", code: "invalid_value");

    public static ApiException RouteNotFound(string method, string path) => new(404, $"Invalid URL ({method} {path})");

    public static ApiException MissingParameter(string param) =>
        new(400, $"Missing required parameter: '{param}'.", param: param, code: "missing_required_parameter");

    public static ApiException UnknownParameter(string param) =>
        new(400, $"Unknown parameter: '{param}'", param: param, code: "unknown_parameter");

    public static ApiException InvalidValue(string param, string value, IReadOnlyList<string> supported, string? qualifier = null) =>
        new(400, $"Invalid value: '{value}'. Supported values{qualifier} are: {JoinQuoted(supported)}.", param: param, code: "invalid_value");

    public static ApiException InvalidType(string param, string expected, string got) =>
        new(400, $"Invalid type for '{param}': expected {expected}, but got {got} instead.", param: param, code: "invalid_type");

    public static ApiException InvalidUnicode(string param) => new(400,
        $"Invalid '{param}': the string is not valid Unicode (it contains an unpaired surrogate escape).", param: param, code: "invalid_value");

    public static ApiException StringTooShort(string param, int min, int length) => new(400,
        $"Invalid '{param}': string too short. Expected a string with minimum length {min}, but got a string with length {length} instead.",
        param: param, code: "string_below_min_length");

    public static ApiException StringTooLong(string param, int max, int length) => new(400,
        $"Invalid '{param}': string too long. Expected a string with maximum length {max}, but got a string with length {length} instead.",
        param: param, code: "string_above_max_length");

    public static ApiException IntegerBelowMin(string param, long min, string got) => new(400,
        $"Invalid '{param}': integer below minimum value. Expected a value >= {min}, but got {got} instead.",
        param: param, code: "integer_below_min_value");

    public static ApiException IntegerAboveMax(string param, long max, string got) => new(400,
        $"Invalid '{param}': integer above maximum value. Expected a value <= {max}, but got {got} instead.",
        param: param, code: "integer_above_max_value");

    public static ApiException MalformedJson() => new(400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)");

    public static ApiException MalformedMultipart(string detail) => new(400,
        $"Could not parse the multipart form body of your request: {detail}", code: "invalid_multipart");

    public static ApiException UnsupportedContentType(string? contentType) => new(400,
        $"Unsupported content type: '{contentType ?? "(none)"}'. This endpoint accepts 'application/json' or 'multipart/form-data' request bodies.",
        code: "unsupported_content_type");

    public static ApiException BodyTooLarge(long limit) => new(413,
        $"Request body too large. The maximum allowed size is {limit.ToString(CultureInfo.InvariantCulture)} bytes.",
        code: "request_too_large");

    public static ApiException UnsupportedImage(string param, string detected) => new(400,
        $"Invalid file '{param}': unsupported mimetype ('{detected}'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.",
        param: param, code: "unsupported_file_mimetype");

    public static ApiException UndecodableImage(string param) => new(400,
        $"Invalid file '{param}': the image could not be decoded (truncated or corrupt header).", param: param, code: "invalid_image");

    public static ApiException InpaintSizeMismatch() =>
        new(400, "Inpaint image must match the requested width and height", param: "input_reference", code: "invalid_value");

    public static ApiException ExactlyOneReference() => new(400,
        "Invalid 'input_reference': provide exactly one of 'image_url' or 'file_id'.", param: "input_reference", code: "invalid_value");

    public static ApiException InvalidImageUrl() => new(400,
        "Invalid 'input_reference.image_url': expected a fully qualified URL or a base64-encoded data URL.", param: "input_reference.image_url", code: "invalid_value");

    public static ApiException TooManyRunningTasks() => new(429, "Too many running tasks", VideoUserError);

    public static ApiException RateLimited(int retryAfterSeconds) =>
        new(429, "Rate limit reached for requests", "requests", code: "rate_limit_exceeded") { RetryAfterSeconds = retryAfterSeconds };

    public static ApiException ServerError() =>
        new(500, "The server had an error while processing your request. Sorry about that!", "server_error");

    public static ApiException NotReady(string id, string status) => new(400,
        $"Video '{id}' is not ready yet (status: {status}). Poll GET /v1/videos/{id} until its status is 'completed' before downloading content.",
        code: "video_not_ready");

    public static ApiException GenerationFailed(string id) => new(400,
        $"Video '{id}' failed to generate, so it has no content to download.", code: "video_failed");

    public static ApiException Expired(string id, long expiresAt) => new(400,
        $"The assets of video '{id}' expired at {expiresAt.ToString(CultureInfo.InvariantCulture)} (unix time) and can no longer be downloaded.",
        code: "video_expired");

    public static ApiException RemixSourceNotCompleted(string id, string status) => new(400,
        $"Video '{id}' cannot be remixed: only completed videos can be remixed (status: {status}).", param: "video_id", code: "invalid_value");

    public static ApiException RemixSourceExpired(string id) => new(400,
        $"Video '{id}' cannot be remixed: its assets have expired.", param: "video_id", code: "video_expired");

    public static ApiException DeleteWhileRunning(string id, string status) => new(400,
        $"Video '{id}' cannot be deleted while it is {status}: only completed or failed videos can be deleted.", param: "video_id", code: "invalid_value");

    public static ApiException TooManyCharacters(int max, int count) => new(400,
        $"Invalid 'characters': a video can include at most {max} characters, but {count} were given.", param: "characters", code: "invalid_value");

    public static ApiException CharacterNotFound(string id) =>
        new(404, $"Character with id '{id}' not found.", param: "character_id", code: "not_found");

    public static ApiException UnknownCharacter(string id) =>
        new(400, $"Invalid 'characters': no character with id '{id}' exists.", param: "characters", code: "invalid_value");

    public static ApiException MultipartOnly() => new(400,
        "Unsupported content type: 'application/json'. This endpoint accepts 'multipart/form-data' request bodies.",
        code: "unsupported_content_type");

    public static ApiException UndecodableVideo() => new(400,
        "Invalid file 'video': the video could not be decoded (expected an MP4 or QuickTime file).", param: "video", code: "invalid_file");

    public static ApiException CharacterClipLength(double seconds) => new(400,
        string.Create(CultureInfo.InvariantCulture, $"Invalid file 'video': a character video must be 2 to 4 seconds long, but this one is {seconds:0.0} seconds."),
        param: "video", code: "invalid_value");

    public static ApiException CharacterClipShape(int width, int height) => new(400,
        string.Create(CultureInfo.InvariantCulture, $"Invalid file 'video': a character video must be 16:9 or 9:16 at 720p to 1080p, but this one is {width}x{height}."),
        param: "video", code: "invalid_value");

    public static ApiException VideoUploadNotAvailable() => new(400,
        "Invalid 'video': uploading a source video is not available for this organization. Reference a completed video by id instead.",
        param: "video", code: "unsupported_value");

    public static ApiException SourceNotCompleted(string id, string status, string operation) => new(400,
        $"Video '{id}' cannot be {operation}: only completed videos can be {operation} (status: {status}).", param: "video", code: "invalid_value");

    public static ApiException SourceExpired(string id, string operation) => new(400,
        $"Video '{id}' cannot be {operation}: its assets have expired.", param: "video", code: "video_expired");

    public static ApiException SourceNotFound(string id) => new(400, $"Invalid 'video': no video with id '{id}' exists.", param: "video", code: "invalid_value");

    public static ApiException TooManyExtensions(string id, int max) => new(400,
        $"Video '{id}' cannot be extended: a video can be extended at most {max} times.", param: "video", code: "invalid_value");

    public static ApiException ExtendedTooLong(string id, int total, int max) => new(400,
        $"Video '{id}' cannot be extended by that much: the result would be {total} seconds, and an extended video can be at most {max} seconds.",
        param: "seconds", code: "invalid_value");

    internal static string JoinQuoted(IReadOnlyList<string> values) => values.Count switch
    {
        0 => "",
        1 => $"'{values[0]}'",
        2 => $"'{values[0]}' and '{values[1]}'",
        _ => string.Join(", ", values.Take(values.Count - 1).Select(v => $"'{v}'")) + $", and '{values[^1]}'",
    };

    private static string Redact(string key) => key.Length <= 8 ? "****" : $"{key[..3]}****{key[^4..]}";
}
