namespace SoraStudio.SoraApi.Tests.Fakes;

/// <summary>Response bodies shaped as the API sends them.</summary>
internal static class ApiJson
{
    public static string Video(string id = "video_1", string status = "queued", string? remixedFrom = null) =>
        $$$"""
        {"id":"{{{id}}}","object":"video","created_at":1763051670,"status":"{{{status}}}","completed_at":null,"error":null,
         "expires_at":null,"model":"sora-2","progress":0,"prompt":"aurora",
         "remixed_from_video_id":{{{Quote(remixedFrom)}}},"seconds":"4","size":"1280x720"}
        """;

    public static string Error(string message, string type = "invalid_request_error", string? code = null, string? param = null) =>
        $$$"""{"error":{"message":"{{{message}}}","type":"{{{type}}}","param":{{{Quote(param)}}},"code":{{{Quote(code)}}}}}""";

    public static string Page(IEnumerable<string> ids, bool hasMore)
    {
        var list = ids.ToList();
        var data = string.Join(",", list.Select(id => Video(id, "completed")));
        return $$$"""{"object":"list","data":[{{{data}}}],"first_id":{{{Quote(list.FirstOrDefault())}}},"last_id":{{{Quote(list.LastOrDefault())}}},"has_more":{{{(hasMore ? "true" : "false")}}}}""";
    }

    private static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";
}
