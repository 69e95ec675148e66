package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two dialects read the payloads of the API notes (azure-avatar-batch-api.md §2.3, §3.4, §3.5, §6.1). */
class AvatarApiDialectTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final URI ENDPOINT = URI.create("https://westeurope.api.cognitive.microsoft.com");

    private final AvatarApiDialect preview = new AvatarApiDialect(AvatarApiVersion.V3_1_PREVIEW1,
            URI.create("https://westeurope.customvoice.api.speech.microsoft.com"));
    private final AvatarApiDialect ga = new AvatarApiDialect(AvatarApiVersion.V2024_08_01, ENDPOINT);

    private static byte[] json(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String text) throws Exception {
        return MAPPER.readTree(json(text));
    }

    @Test
    void previewSucceededJob() throws Exception {
        AvatarSynthesisJob job = preview.readJob(json("""
                {'textType':'SSML','customVoices':{},
                 'properties':{'audioSize':336780,'durationInTicks':25200000,'succeededAudioCount':1,'duration':'PT2.52S',
                   'billingDetails':{'customNeural':0,'neural':29},'timeToLive':'P31D',
                   'talkingAvatarCharacter':'lisa','talkingAvatarStyle':'graceful-sitting','kBitrate':2000,'customized':false},
                 'outputs':{'result':'https://cvoiceprodwus2.blob.core.windows.net/out/c48b/0001.mp4?sig=abc',
                            'summary':'https://cvoiceprodwus2.blob.core.windows.net/out/c48b/summary.json?sig=abc'},
                 'lastActionDateTime':'2023-10-19T12:23:06.320Z','status':'Succeeded',
                 'id':'c48b4cf5-957f-4a0f-96af-a4e3e71bd6b6','createdDateTime':'2023-10-19T12:23:03.350Z',
                 'displayName':'avatar batch synthesis sample'}"""));

        assertThat(job.getId()).isEqualTo("c48b4cf5-957f-4a0f-96af-a4e3e71bd6b6");
        assertThat(job.getStatus()).isEqualTo(JobStatus.Succeeded);
        assertThat(job.getDisplayName()).isEqualTo("avatar batch synthesis sample");
        assertThat(job.getInputKind()).isEqualTo("SSML");
        assertThat(job.getAvatarCharacter()).isEqualTo("lisa");
        assertThat(job.getAvatarStyle()).isEqualTo("graceful-sitting");
        assertThat(job.getDuration()).isEqualTo(Duration.ofMillis(2520));
        assertThat(job.getSizeInBytes()).isEqualTo(336780L);
        assertThat(job.getSucceededCount()).isEqualTo(1);
        assertThat(job.getBillingDetails()).containsEntry("neural", 29L);
        assertThat(job.getCreatedDateTime()).isEqualTo(Instant.parse("2023-10-19T12:23:03.350Z"));
        assertThat(job.getResultUrl()).endsWith("0001.mp4?sig=abc");
        assertThat(job.getMaskedResultUrl()).endsWith("0001.mp4?sig=xxxxxx");
        assertThat(job.getMaskedSummaryUrl()).endsWith("summary.json?sig=xxxxxx");
        assertThat(job.getSummaryUrl()).contains("summary.json");
        assertThat(job.toString()).doesNotContain("sig=");
    }

    @Test
    void gaSucceededJobWithDateWithoutOffset() throws Exception {
        AvatarSynthesisJob job = ga.readJob(json("""
                {'id':'talking-avatar-batch-synthesis-job-1','status':'Succeeded',
                 'createdDateTime':'2024-03-15T10:28:23.7702311Z','lastActionDateTime':'2024-03-15T10:28:46.363789',
                 'inputKind':'PlainText','customVoices':{},
                 'properties':{'timeToLiveInHours':744,'sizeInBytes':1060360,'durationInMilliseconds':3530,
                   'succeededCount':1,'failedCount':0,'billingDetails':{'neuralCharacters':34,'talkingAvatarDurationSeconds':3}},
                 'synthesisConfig':{'voice':'zh-CN-XiaoxiaoNeural'},
                 'avatarConfig':{'talkingAvatarCharacter':'lisa','talkingAvatarStyle':'casual-sitting','videoFormat':'Webm'},
                 'outputs':{'result':'https://x.blob.core.windows.net/o/1/0001.webm?sig=s','summary':'https://x/summary.json?sig=s'},
                 'somethingNew':{'kept':true}}"""));

        assertThat(job.getLastActionDateTime()).isEqualTo(Instant.parse("2024-03-15T10:28:46.363789Z"));
        assertThat(job.getCreatedDateTime()).isEqualTo(Instant.parse("2024-03-15T10:28:23.7702311Z"));
        assertThat(job.getInputKind()).isEqualTo("PlainText");
        assertThat(job.getAvatarStyle()).isEqualTo("casual-sitting");
        assertThat(job.getDuration()).isEqualTo(Duration.ofMillis(3530));
        assertThat(job.getSizeInBytes()).isEqualTo(1060360L);
        assertThat(job.getFailedCount()).isZero();
        assertThat(job.getBillingDetails()).containsEntry("talkingAvatarDurationSeconds", 3L);
        assertThat(job.getJson().get("somethingNew").get("kept").asBoolean()).isTrue();
        assertThat(job.getDisplayName()).isNull();
    }

    @Test
    void gaFailedJobCarriesAzuresError() throws Exception {
        AvatarSynthesisJob job = ga.readJob(json("""
                {'id':'my-job-03','status':'Failed','createdDateTime':'2024-03-06T08:00:00.0000000Z',
                 'lastActionDateTime':'2024-03-06T08:00:09.123456','inputKind':'SSML',
                 'properties':{'succeededCount':0,'failedCount':1,
                   'error':{'code':'InvalidRequest','message':'The talking avatar character bob is not supported.'}},
                 'avatarConfig':{'talkingAvatarCharacter':'bob'}}"""));

        assertThat(job.getStatus()).isEqualTo(JobStatus.Failed);
        assertThat(job.getError().code()).isEqualTo("InvalidRequest");
        assertThat(job.getError().message()).contains("bob");
        assertThat(job.getResultUrl()).isNull();
    }

    @Test
    void listPagesOfBothGenerations() throws Exception {
        JobPage gaPage = ga.readPage(json("""
                {'value':[{'id':'my-job-02','status':'Succeeded','createdDateTime':'2024-03-06T07:52:23.9054709Z'},
                          {'id':'my-job-01','status':'Running','createdDateTime':'2024-03-06T07:34:08.9487009Z'}],
                 'nextLink':'https://westeurope.api.cognitive.microsoft.com/avatar/batchsyntheses/?maxpagesize=2&skip=2&api-version=2024-08-01'}"""));
        assertThat(gaPage.jobs()).extracting(AvatarSynthesisJob::getId).containsExactly("my-job-02", "my-job-01");
        assertThat(gaPage.nextLink()).hasParameter("skip", "2");

        JobPage previewPage = preview.readPage(json("""
                {'values':[{'id':'job-a','status':'NotStarted'}],
                 '@nextLink':'https://westeurope.customvoice.api.speech.microsoft.com/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar?skip=2&top=2'}"""));
        assertThat(previewPage.jobs()).hasSize(1);
        assertThat(previewPage.nextLink()).hasParameter("top", "2");

        assertThat(ga.readPage(json("{'value':[]}")).nextLink()).isNull();
    }

    @Test
    void eachListedJobKeepsEveryFieldAzureSentForIt() throws Exception {
        String first = "{ \"id\" : \"job-1\", \"status\":\"Running\", \"description\": \"\u00fcber [x]{y} caf\u00e9-\ud83c\udfac\" }";
        String second = "{\"id\":\"job-2\",\"status\":\"Succeeded\",\"unknown\":{\"deep\":[{\"a\":\"}\"}]}}";
        byte[] page = ("{\"value\": [ " + first + " ,\n " + second + "], \"nextLink\": null}").getBytes(StandardCharsets.UTF_8);

        JobPage read = ga.readPage(page);

        assertThat(read.jobs()).extracting(job -> MAPPER.readTree(job.toJson()))
                .containsExactly(MAPPER.readTree(first), MAPPER.readTree(second));
        assertThat(read.jobs().get(0).getDescription()).isEqualTo("\u00fcber [x]{y} caf\u00e9-\ud83c\udfac");
        assertThat(read.jobs().get(1).getJson().at("/unknown/deep/0/a").asText()).isEqualTo("}");
        assertThat(read.nextLink()).isNull();
    }

    /** A field of the wrong type, or a number out of range, makes its job unreadable: that job alone. */
    @Test
    void aFieldOfTheWrongTypeOrOutOfRangeMakesOnlyItsJobUnreadable() throws Exception {
        String good = "{'id':'good-%d','status':'Succeeded','properties':{'sizeInBytes':1024,'succeededCount':2}}";
        String[] bad = {
                "{'id':'bad-size','status':'Succeeded','properties':{'sizeInBytes':123456789012345678901234567890}}",
                "{'id':'bad-count','status':'Succeeded','properties':{'succeededCount':4294967296}}",
                "{'id':'bad-fraction','status':'Succeeded','properties':{'durationInMilliseconds':1.5}}",
                "{'id':'bad-round','status':'Succeeded','properties':{'succeededCount':2.0}}",
                "{'id':'bad-status-type','status':7}",
                "{'id':'bad-duration','status':'Succeeded','properties':{'duration':'two seconds'}}",
                "{'id':'bad-text','status':'Succeeded','properties':{'sizeInBytes':'1024'}}",
                "{'id':'bad-boolean','status':'Succeeded','properties':{'failedCount':true}}",
                "{'id':'bad-description','status':'Succeeded','description':{'not':'text'}}",
                "{'id':'bad-outputs','status':'Succeeded','outputs':'nowhere'}",
                "{'id':'bad-billing','status':'Succeeded','properties':{'billingDetails':{'neuralCharacters':'12'}}}",
                "{'id':'bad-error','status':'Failed','properties':{'error':'not an object'}}",
                "{'id':'bad-date','status':'Succeeded','createdDateTime':'2024-02-30T10:00:00Z'}" };
        StringBuilder page = new StringBuilder("{'value':[").append(good.formatted(1));
        for (String job : bad) {
            page.append(',').append(job);
        }
        page.append(',').append(good.formatted(2)).append("]}");

        JobPage read = ga.readPage(json(page.toString()));

        assertThat(read.jobs()).extracting(AvatarSynthesisJob::getId).containsExactly("good-1", "good-2");
        assertThat(read.jobs().get(0).getSizeInBytes()).isEqualTo(1024L);
        assertThat(read.jobs().get(0).getSucceededCount()).isEqualTo(2);
        assertThat(read.unreadable()).hasSize(bad.length).anySatisfy(reason -> assertThat(reason)
                .startsWith("Job bad-text: properties.sizeInBytes: ").doesNotContain("\n"));
        for (String job : bad) {
            String id = job.substring(job.indexOf("'bad-") + 1, job.indexOf("','status"));
            assertThat(read.unreadable()).anySatisfy(reason -> assertThat(reason).startsWith("Job " + id + ": "));
        }
        assertThat(ga.readJob(json("{'id':'job-e','status':'Failed','error':{'code':'C','message':'M'}}")).getError())
                .hasToString("C: M");
    }

    @Test
    void malformedPagesAndJobsAreIoErrorsNotRejections() throws Exception {
        assertThatThrownBy(() -> ga.readPage(json("{'value':[{'id':'a','status':'Running'},{'id':")))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> ga.readJob(json("{'id':'a'")))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> ga.readPage(json("[]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'value'");
        assertThatThrownBy(() -> ga.readPage(json("{'value':{},'values':[]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'value'");
        assertThat(ga.readPage(json("{'values':[{'id':'job-a','status':'Running'}],'@nextLink':'?skip=1'}")).nextLink())
                .hasToString(ENDPOINT + "?skip=1");
    }

    @Test
    void unreadableJobsAreRejectedOneByOneNotThePage() throws Exception {
        JobPage page = ga.readPage(json("""
                {'value':[{'status':'Running'},{'id':'job-x','status':'Paused'},{'id':'job-y','status':'Running',
                 'createdDateTime':'yesterday'},42,{'id':'job-ok','status':'Succeeded'}]}"""));

        assertThat(page.jobs()).extracting(AvatarSynthesisJob::getId).containsExactly("job-ok");
        assertThat(page.unreadable()).hasSize(4)
                .anySatisfy(r -> assertThat(r).contains("not a JSON object"))
                .anySatisfy(r -> assertThat(r).contains("no id"))
                .anySatisfy(r -> assertThat(r).contains("Paused"))
                .anySatisfy(r -> assertThat(r).contains("yesterday"));
    }

    @Test
    void aPageWithoutItsArrayIsAnError() throws Exception {
        assertThatThrownBy(() -> ga.readPage(json("{'items':[]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'value'");
    }

    @Test
    void errorBodiesOfEveryShape() throws Exception {
        assertThat(ga.readError(tree("{'error':{'code':'BadRequest','message':'The inputs is required.'}}")))
                .hasToString("BadRequest: The inputs is required.");
        assertThat(preview.readError(tree("""
                {'code':'InvalidRequest','message':'The top parameter should not be greater than 100.',
                 'innerError':{'code':'InvalidParameter','message':'top'}}""")).message())
                .isEqualTo("The top parameter should not be greater than 100. (InvalidParameter: top)");
        assertThat(ga.readError(tree("""
                {'error':{'code':'BadRequest','message':'The talkingAvatarStyle is required.',
                 'innererror':{'code':'MissingTalkingAvatarStyle','message':'The talkingAvatarStyle is required.'}}}""")))
                .hasToString("BadRequest: The talkingAvatarStyle is required. (MissingTalkingAvatarStyle)");
        assertThat(preview.readError(tree("""
                {'errors':{'Properties.DestinationContainerUrl':['expired']},
                 'title':'One or more validation errors occurred.','status':400}""")).message())
                .contains("validation errors").contains("expired");
    }

    @Test
    void urlsOfBothGenerations() {
        assertThat(ga.listUri(0, 100)).hasToString(
                "https://westeurope.api.cognitive.microsoft.com/avatar/batchsyntheses?api-version=2024-08-01&skip=0&maxpagesize=100");
        assertThat(ga.createUri("my-job.1")).hasToString(
                "https://westeurope.api.cognitive.microsoft.com/avatar/batchsyntheses/my-job.1?api-version=2024-08-01");
        for (String notAnId : new String[] { "my job", "..", "../../x", "a/b", "job?x=1" }) {
            assertThatThrownBy(() -> ga.jobUri(notAnId)).as(notAnId).hasMessageContaining("breaks Azure's id pattern");
            assertThatThrownBy(() -> preview.jobUri(notAnId)).as(notAnId).hasMessageContaining("breaks Azure's id pattern");
        }
        assertThat(preview.listUri(0, 50)).hasToString("https://westeurope.customvoice.api.speech.microsoft.com"
                                                       + "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar?skip=0&top=50");
        assertThat(preview.createMethod()).isEqualTo("POST");
        assertThat(ga.createMethod()).isEqualTo("PUT");
    }
}
