#!/usr/bin/perl
# Harvests an OAI-PMH repository with HTTP::OAI (Debian: libhttp-oai-perl), the way an aggregator
# would: Identify, ListSets, ListRecords in oai_dc following every resumption token by hand (so each
# page is seen), and GetRecord of the first record. Prints what it got as one JSON object.
# Usage: perl oai-harvest.pl <baseURL>
use strict;
use warnings;
use HTTP::OAI;
use HTTP::OAI::Metadata::OAI_DC;
use JSON::PP;

my $base = shift or die "usage: $0 <baseURL>\n";
my $harvester = HTTP::OAI::Harvester->new(baseURL => $base, resume => 0);

sub check {
  my ($what, $response) = @_;
  die "$what failed: " . $response->code . ' ' . $response->message . "\n" if $response->is_error;
  my @errors = $response->errors;
  die "$what answered OAI errors: " . join(', ', map { $_->code . ' (' . $_->message . ')' } @errors) . "\n" if @errors;
  return $response;
}

sub record_json {
  my ($record) = @_;
  my $header = $record->header;
  my %dc;
  if ($record->metadata) {
    my $fields = $record->metadata->dc;
    %dc = map { $_ => [ @{ $fields->{$_} } ] } keys %$fields;
  }
  return {
    identifier => $header->identifier,
    datestamp  => $header->datestamp,
    status     => ($header->status // ''),
    sets       => [ $header->setSpec ],
    dc         => \%dc,
  };
}

my $identify = check('Identify', $harvester->Identify);
my %result = (
  identify => {
    repositoryName    => $identify->repositoryName,
    baseURL           => $identify->baseURL,
    protocolVersion   => $identify->protocolVersion,
    adminEmail        => [ $identify->adminEmail ],
    earliestDatestamp => $identify->earliestDatestamp,
    deletedRecord     => $identify->deletedRecord,
    granularity       => $identify->granularity,
  },
);

my $sets = check('ListSets', $harvester->ListSets);
$result{sets} = [];
while (my $set = $sets->next) {
  push @{ $result{sets} }, { spec => $set->setSpec, name => $set->setName };
}

my @handlers = (handlers => { metadata => 'HTTP::OAI::Metadata::OAI_DC' });
my $page = check('ListRecords', $harvester->ListRecords(metadataPrefix => 'oai_dc', @handlers));
$result{records} = [];
$result{pages}   = [];
while (1) {
  my $count = 0;
  while (my $record = $page->next) {
    push @{ $result{records} }, record_json($record);
    $count++;
  }
  my $token = $page->resumptionToken;
  push @{ $result{pages} }, {
    records          => $count,
    token            => ($token ? ($token->resumptionToken // '') : undef),
    cursor           => ($token ? $token->cursor : undef),
    completeListSize => ($token ? $token->completeListSize : undef),
  };
  last if !$token || ($token->resumptionToken // '') eq '';
  die "more than 100 pages: the tokens do not end\n" if @{ $result{pages} } > 100;
  $page = check('ListRecords (resumed)', $harvester->ListRecords(resumptionToken => $token->resumptionToken, @handlers));
}

if (@{ $result{records} }) {
  my $identifier = $result{records}[0]{identifier};
  my $got = check('GetRecord', $harvester->GetRecord(identifier => $identifier, metadataPrefix => 'oai_dc', @handlers));
  $result{getRecord} = record_json($got->next);
}

print JSON::PP->new->canonical->utf8->encode(\%result), "\n";
