namespace ToonStudio.Server.Localization;

/// <summary>Korean (default) texts of the error catalog. Placeholders: {field}, {allowed}, {limit}, {why}, {minutes}.</summary>
internal static class MessagesKo
{
    public static readonly IReadOnlyDictionary<string, (string Title, string Message)> Errors = new Dictionary<string, (string, string)>
    {
        ["invalid_parameter"] = ("잘못된 요청 값", "'{field}' 값이 올바르지 않습니다. 허용되는 값: {allowed}"),
        ["unsupported_image"] = ("지원하지 않는 이미지 형식", "'{field}' 파일은 PNG, JPEG, WebP 이미지가 아닙니다."),
        ["image_too_large"] = ("이미지가 너무 큼", "'{field}' 이미지가 너무 큽니다. 최대 {limit}MB, 픽셀 수 제한 이하의 이미지를 올려 주세요."),
        ["invalid_image"] = ("손상된 이미지", "'{field}' 이미지가 잘렸거나 손상되어 읽을 수 없습니다."),
        ["engine_not_configured"] = ("엔진을 사용할 수 없음", "'{engine}' 엔진을 사용할 수 없습니다: {why}"),
        ["provider_auth_failed"] = ("제공자 인증 실패", "이미지 생성 서비스가 API 키를 거부했습니다. 관리자에게 키 확인을 요청해 주세요."),
        ["provider_out_of_credits"] = ("제공자 크레딧 부족", "이미지 생성 서비스의 크레딧이 부족합니다. 관리자에게 문의해 주세요."),
        ["provider_rate_limited"] = ("요청이 너무 많음", "이미지 생성 서비스가 요청을 제한하고 있습니다. 잠시 후 다시 시도해 주세요."),
        ["moderated"] = ("안전 필터에 걸림", "입력 또는 결과가 안전 필터에 걸렸습니다. 다른 이미지나 프롬프트로 시도해 주세요."),
        ["provider_failed"] = ("생성 실패", "이미지 생성 서비스가 실패를 보고했습니다."),
        ["unexpected_provider_output"] = ("처리할 수 없는 결과", "처리할 수 없는 결과 타입입니다. 다시 시도해 주세요."),
        ["generation_timeout"] = ("시간 초과", "이미지 생성이 {minutes}분 내에 완료되지 않았습니다."),
        ["canceled"] = ("취소됨", "작업이 취소되었습니다."),
        ["not_found"] = ("찾을 수 없음", "요청한 작업이나 파일을 찾을 수 없습니다."),
        ["not_ready"] = ("아직 준비되지 않음", "작업이 아직 끝나지 않았거나 결과가 없습니다."),
        ["idempotency_conflict"] = ("중복 키 충돌", "이 Idempotency-Key는 다른 요청에 이미 사용되었습니다."),
        ["insufficient_storage"] = ("저장 공간 부족", "서버의 저장 공간이 부족합니다. 잠시 후 다시 시도해 주세요."),
        ["unauthorized"] = ("인증 필요", "유효한 API 키가 필요합니다."),
        ["rate_limited"] = ("요청이 너무 많음", "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요."),
        ["too_many_attempts"] = ("실패한 시도가 너무 많음", "이 주소에서 로그인 실패가 너무 많습니다. 몇 분 후 다시 시도해 주세요."),
        ["internal_error"] = ("서버 오류", "서버에서 예기치 않은 오류가 발생했습니다."),
    };
}
