{{/*
The services and the calls each makes to the others: what the NetworkPolicies allow, and the peer
addresses each is given. These are the architecture's, not a value to change at install.
*/}}
{{- define "yardstick.services" -}}
case-service:
  values: caseService
  prefix: CASE_SERVICE
  grpcPort: 50051
  calls: [rating-service]
rating-service:
  values: ratingService
  prefix: RATING_SERVICE
  grpcPort: 50052
  calls: [case-service]
report-service:
  values: reportService
  prefix: REPORT_SERVICE
  grpcPort: 50053
  httpPort: 8080
  calls: [case-service, rating-service]
{{- end -}}

{{/* The name of a service's objects: "<release>-<service>". */}}
{{- define "yardstick.name" -}}
{{- printf "%s-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The labels that select a service's pods. */}}
{{- define "yardstick.selector" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "yardstick.labels" -}}
{{ include "yardstick.selector" . }}
app.kubernetes.io/part-of: yardstick
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}
